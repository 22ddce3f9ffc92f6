// Turns a site (call/new/decorator) with a resolved receiver into detections, per library family.
import type { Broker, DetectionKind, Role } from '../types';
import type { Pos, Site } from '../extract/facts';
import type { RValue, Resolver, Tag } from './resolve';
import { channelOf, channelsOf } from './channelText';

export interface Draft {
  kind: DetectionKind;
  library: string;
  broker: Broker;
  role: Role;
  channels: { channel: string; pattern: boolean }[];
  pos: Pos;
  fn: number;
  path: string[];
  snippet: string;
  routingKey?: string | null;
  /** NestJS microservices: decided by the service's configured transport. */
  nest?: 'event' | 'message' | 'emit' | 'send';
  /** NestJS `ClientProxy`: the injection token (`@Inject('BILLING')`) whose registration names its transport. */
  nestToken?: string;
  /** AMQP topology: `bindQueue(queue, exchange, pattern)` (not a detection). */
  binding?: { queue: string; exchange: string; pattern: string };
}

const ROLE: Record<DetectionKind, Role> = {
  'sse.endpoint': 'server', 'sse.client': 'client', 'ws.server': 'server', 'ws.client': 'client', 'ws.emit': 'producer',
  'ws.on': 'consumer', 'ws.adapter': 'infra', 'redis.publish': 'producer', 'redis.subscribe': 'consumer',
  'redis.stream.produce': 'producer', 'redis.stream.consume': 'consumer', 'kafka.produce': 'producer', 'kafka.consume': 'consumer',
  'nats.publish': 'producer', 'nats.subscribe': 'consumer', 'amqp.publish': 'producer', 'amqp.consume': 'consumer',
  'queue.produce': 'producer', 'queue.consume': 'consumer', 'emitter.emit': 'producer', 'emitter.on': 'consumer',
  'trpc.subscription': 'server', 'outbox.table': 'infra', 'outbox.relay': 'producer', dual_write: 'producer',
  'mutation.optimistic': 'client', 'mutation.plain': 'client',
};

export function roleOf(kind: DetectionKind): Role {
  return ROLE[kind];
}

function ch(v: RValue | null | undefined, patternTest?: RegExp): { channel: string; pattern: boolean }[] {
  return channelsOf(v).map((c) => ({ channel: c.channel, pattern: c.pattern || (!!patternTest && patternTest.test(c.channel)) }));
}

function prop(v: RValue | null | undefined, key: string): RValue | null {
  return v && v.k === 'obj' ? (v.props[key] ?? null) : null;
}

function str(v: RValue | null | undefined): string | null {
  return v && v.k === 'str' ? v.v : null;
}

export const NATS_WILD = /(^|\.)(\*|>)(\.|$)/;
const GLOB = /[*?[]/;

/** Receiver tags `classifyMethod` knows; other receivers are dropped before their arguments are resolved. */
const METHOD_TAGS = new Set([
  'redis.client', 'kafka.producer', 'kafka.consumer', 'nest.clientKafka', 'nest.clientRmq', 'nest.clientNats', 'nest.clientRedis',
  'nest.client', 'nats.conn', 'nats.js', 'nats.msg', 'nats.consumer', 'nats.svc', 'nats.group', 'amqp.channel', 'bull.queue',
  'bull.flow', 'sio.server', 'sio.socket', 'sio.client', 'sio.manager', 'ws.server', 'ws.socket', 'ws.client', 'ews.app',
  'uws.app', 'emitter', 'bull.events', 'bull.eventsProducer',
]);

export function classifySite(site: Site, file: string, r: Resolver): Draft[] {
  // Arguments (channel constants, possibly in other files) are resolved only for sites that matter.
  const resolveArgs = (): (RValue | null)[] => site.args.map((a) => r.value(file, a));
  const mk = (kind: DetectionKind, library: string, broker: Broker, channels: { channel: string; pattern: boolean }[], pos: Pos = site.pos): Draft => ({
    kind, library, broker, role: ROLE[kind], channels, pos, fn: site.fn, path: site.path, snippet: site.snippet,
  });
  if (site.kind === 'decorator') {
    const dec = r.tag(file, site.callee);
    return dec?.t.startsWith('dec:') ? classifyDecorator(site, dec, file, r, resolveArgs(), mk) : [];
  }
  if (site.kind === 'new') {
    const ctor = r.tag(file, site.callee);
    return ctor?.t.startsWith('ctor:') ? classifyNew(site, ctor, resolveArgs(), mk) : [];
  }
  if (site.recv && site.method) {
    const recv = r.tag(file, site.recv);
    if (!recv) return [];
    if (recv.t === 'mod') {
      const fnTag = r.tag(file, { k: 'prop', of: site.recv, name: site.method });
      return fnTag?.t.startsWith('fn:') || fnTag?.t.startsWith('ctor:') ? classifyPlainCall(fnTag, resolveArgs(), mk) : [];
    }
    return METHOD_TAGS.has(recv.t) ? classifyMethod(recv, site.method, resolveArgs(), mk) : [];
  }
  const callee = r.tag(file, site.callee);
  return callee?.t.startsWith('fn:') || callee?.t.startsWith('ctor:') ? classifyPlainCall(callee, resolveArgs(), mk) : [];
}

type Mk = (kind: DetectionKind, library: string, broker: Broker, channels: { channel: string; pattern: boolean }[], pos?: Pos) => Draft;

function classifyNew(site: Site, ctor: Tag, args: (RValue | null)[], mk: Mk): Draft[] {
  const inst = ctor.t === 'cls' ? null : ctor.t;
  switch (inst) {
    case 'ctor:sio.server': {
      const out = [mk('ws.server', ctor.lib, 'socket.io', [])];
      if (site.adapterPos) out.push(mk('ws.adapter', ctor.lib, 'socket.io', [], site.adapterPos));
      return out;
    }
    case 'ctor:ws.server':
      return [mk('ws.server', ctor.lib, 'ws', [])];
    case 'ctor:ws.client':
      return [mk('ws.client', ctor.lib, 'ws', ch(args[0]))];
    case 'ctor:sse.es':
      return [mk('sse.client', ctor.lib, 'sse', ch(args[0]))];
    case 'ctor:bull.worker':
      return [mk('queue.consume', ctor.lib, 'bullmq', ch(args[0]))];
    default:
      return [];
  }
}

function classifyPlainCall(callee: Tag, args: (RValue | null)[], mk: Mk): Draft[] {
  switch (callee.t) {
    case 'ctor:sio.server':
      return [mk('ws.server', callee.lib, 'socket.io', [])];
    case 'fn:sio.client':
      return [mk('ws.client', callee.lib, 'socket.io', ch(args[0]))];
    case 'fn:trpc.wsClient':
      return [mk('ws.client', callee.lib, 'ws', ch(prop(args[0], 'url')))];
    case 'fn:trpc.sseLink':
      return [mk('sse.client', callee.lib, 'sse', ch(prop(args[0], 'url')))];
    case 'fn:sse.fetch':
      return [mk('sse.client', callee.lib, 'sse', ch(args[0]))];
    case 'fn:trpc.sseServer':
      return [mk('sse.endpoint', callee.lib, 'sse', ch(prop(args[0], 'endpoint')))];
    case 'fn:events.on':
      // `await once(child, 'exit')`, `on(proc.stdout, 'data')`: the events module waiting on a child process,
      // a stream or a server is library lifecycle, not an application event.
      if (EMITTER_LIFECYCLE.has(str(args[1]) ?? '') || PROCESS_STREAM_EVENTS.has(str(args[1]) ?? '')) return [];
      return [mk('emitter.on', callee.lib, 'emitter', ch(args[1]))];
    default:
      return [];
  }
}

const SIO_EMIT = new Set(['emit', 'serverSideEmit', 'emitWithAck']);
const LISTEN = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);

function classifyMethod(recv: Tag, m: string, args: (RValue | null)[], mk: Mk): Draft[] {
  const lib = recv.lib;
  switch (recv.t) {
    case 'redis.client':
      return classifyRedis(lib, m, args, mk);
    case 'kafka.producer':
      if (m === 'send') return [mk('kafka.produce', lib, 'kafka', ch(prop(args[0], 'topic')))];
      if (m === 'sendBatch') {
        const tm = prop(args[0], 'topicMessages');
        const topics = tm && tm.k === 'arr' ? tm.items.flatMap((i) => ch(prop(i, 'topic'))) : [];
        return [mk('kafka.produce', lib, 'kafka', topics)];
      }
      return [];
    case 'kafka.consumer':
      if (m === 'subscribe') return [mk('kafka.consume', lib, 'kafka', [...ch(prop(args[0], 'topic')), ...ch(prop(args[0], 'topics'))])];
      return [];
    case 'nest.clientKafka':
      return m === 'emit' || m === 'send' ? [mk('kafka.produce', '@nestjs/microservices', 'kafka', ch(args[0]))] : [];
    case 'nest.clientRmq':
      return m === 'emit' || m === 'send' ? [mk('amqp.publish', '@nestjs/microservices', 'amqp', ch(args[0]))] : [];
    case 'nest.clientNats':
      return m === 'emit' || m === 'send' ? [mk('nats.publish', '@nestjs/microservices', 'nats', ch(args[0]))] : [];
    case 'nest.clientRedis':
      return m === 'emit' ? [mk('redis.publish', '@nestjs/microservices', 'redis', ch(args[0]))] : [];
    case 'nest.client': {
      if (m !== 'emit' && m !== 'send') return [];
      const token = recv.name?.k === 'str' ? recv.name.v : null;
      return [{ ...mk('kafka.produce', '@nestjs/microservices', 'kafka', ch(args[0])), nest: m, ...(token ? { nestToken: token } : {}) }];
    }
    case 'nats.conn':
      if (m === 'publish' || m === 'request' || m === 'requestMany') return [mk('nats.publish', lib, 'nats', ch(args[0]))];
      if (m === 'subscribe') return [mk('nats.subscribe', lib, 'nats', ch(args[0], NATS_WILD))];
      return [];
    case 'nats.js':
      return m === 'publish' ? [mk('nats.publish', lib, 'nats', ch(args[0]))] : [];
    case 'nats.msg':
      return m === 'respond' ? [mk('nats.publish', lib, 'nats', [])] : [];
    case 'nats.consumer':
      return m === 'consume' || m === 'fetch' || m === 'next' ? [mk('nats.subscribe', lib, 'nats', [])] : [];
    case 'nats.svc':
    case 'nats.group': {
      if (m !== 'addEndpoint') return [];
      const subject = str(prop(args[1], 'subject'));
      const name = str(args[0]);
      const group = recv.t === 'nats.group' ? str(recv.name) : null;
      const channel = subject ?? (name ? (group ? `${group}.${name}` : name) : null);
      return [mk('nats.subscribe', lib, 'nats', channel ? [{ channel, pattern: NATS_WILD.test(channel) }] : [])];
    }
    case 'amqp.channel':
      return classifyAmqp(lib, m, args, mk);
    case 'bull.queue':
      if (m === 'add' || m === 'addBulk' || m === 'upsertJobScheduler') return [mk('queue.produce', lib, 'bullmq', ch(recv.name))];
      if (m === 'process') return [mk('queue.consume', lib, 'bullmq', ch(recv.name))];
      return [];
    case 'bull.flow': {
      if (m !== 'add' && m !== 'addBulk') return [];
      const first = m === 'add' ? args[0] : args[0]?.k === 'arr' ? args[0].items[0] : null;
      return [mk('queue.produce', lib, 'bullmq', ch(prop(first, 'queueName')))];
    }
    case 'sio.server':
    case 'sio.socket':
    case 'sio.client':
      if (SIO_EMIT.has(m)) return [mk('ws.emit', lib, 'socket.io', ch(args[0]))];
      if (LISTEN.has(m)) return [mk('ws.on', lib, 'socket.io', ch(args[0]))];
      if (m === 'onAny') return [mk('ws.on', lib, 'socket.io', [])];
      if (m === 'adapter' && recv.t === 'sio.server' && args.length > 0) return [mk('ws.adapter', lib, 'socket.io', [])];
      return [];
    case 'sio.manager':
      return LISTEN.has(m) ? [mk('ws.on', lib, 'socket.io', ch(args[0]))] : [];
    case 'ws.server':
      return LISTEN.has(m) ? [mk('ws.on', lib, 'ws', ch(args[0]))] : [];
    case 'ws.socket':
    case 'ws.client':
      if (m === 'send') return [mk('ws.emit', lib, 'ws', [])];
      if (m === 'publish' && lib === 'uws') return [mk('ws.emit', lib, 'ws', ch(args[0]))];
      if (LISTEN.has(m)) return [mk('ws.on', lib, 'ws', ch(args[0]))];
      return [];
    case 'ews.app':
      return m === 'ws' ? [mk('ws.server', 'express-ws', 'ws', ch(args[0]))] : [];
    case 'uws.app':
      if (m === 'ws') return [mk('ws.server', lib, 'ws', ch(args[0]))];
      // A behavior's `message` handler receives every message (no channel); `open`/`close` are lifecycle.
      if (m === 'ws:message') return [mk('ws.on', lib, 'ws', [])];
      if (m === 'ws:open' || m === 'ws:close') return [mk('ws.on', lib, 'ws', [{ channel: m.slice(3), pattern: false }])];
      // `app.publish(topic, message)`: uWebSockets.js's own pub/sub fan-out to subscribed sockets.
      if (m === 'publish') return [mk('ws.emit', lib, 'ws', ch(args[0]))];
      return [];
    case 'bull.eventsProducer': {
      // Custom queue events: `publishEvent({ eventName: 'transcode-progress', … })`.
      if (m !== 'publishEvent') return [];
      return [mk('emitter.emit', lib, 'emitter', ch(prop(args[0], 'eventName')))];
    }
    case 'bull.events': {
      // BullMQ's own job lifecycle events are library events; any other name is a custom event.
      const ev = str(args[0]);
      return LISTEN.has(m) && ev !== null && !BULL_LIFECYCLE.has(ev) ? [mk('emitter.on', lib, 'emitter', ch(args[0]))] : [];
    }
    case 'emitter':
      // An emitter's own `error` (and listener bookkeeping) events are its lifecycle, not app messages,
      // like a client's on('error'): re-emitting a library's error on the app's emitter included.
      if (EMITTER_LIFECYCLE.has(str(args[0]) ?? '')) return [];
      if (m === 'emit' || m === 'emitAsync') return [mk('emitter.emit', lib, 'emitter', ch(args[0]))];
      if (LISTEN.has(m) || m === 'many') return [mk('emitter.on', lib, 'emitter', ch(args[0]))];
      if (m === 'onAny') return [mk('emitter.on', lib, 'emitter', [])];
      return [];
    default:
      return [];
  }
}

const EMITTER_LIFECYCLE = new Set(['error', 'newListener', 'removeListener']);
const PROCESS_STREAM_EVENTS = new Set(['exit', 'close', 'spawn', 'data', 'end', 'finish', 'drain', 'readable', 'listening']);

const BULL_LIFECYCLE = new Set([
  'active', 'added', 'cleaned', 'completed', 'deduplicated', 'debounced', 'delayed', 'drained', 'duplicated', 'error', 'failed',
  'paused', 'progress', 'removed', 'resumed', 'retries-exhausted', 'stalled', 'waiting', 'waiting-children', 'ioredis:close',
]);

const STREAM_CONSUME = new Set(['xread', 'xreadgroup', 'xautoclaim']);

function classifyRedis(lib: string, m: string, args: (RValue | null)[], mk: Mk): Draft[] {
  const lower = m.toLowerCase();
  switch (lower) {
    case 'publish':
    case 'spublish':
      return [mk('redis.publish', lib, 'redis', ch(args[0]))];
    case 'subscribe':
    case 'ssubscribe':
      return [mk('redis.subscribe', lib, 'redis', args.flatMap((a) => (a && (a.k === 'str' || a.k === 'arr') ? ch(a) : [])))];
    case 'psubscribe':
      return [mk('redis.subscribe', lib, 'redis', args.flatMap((a) => (a && (a.k === 'str' || a.k === 'arr') ? ch(a, GLOB) : [])))];
    case 'xadd':
      return [mk('redis.stream.produce', lib, 'redis-stream', ch(args[0]))];
    case 'xread':
    case 'xreadgroup':
    case 'xautoclaim':
      return [mk('redis.stream.consume', lib, 'redis-stream', streamKeys(lower, args))];
    case 'call':
    case 'sendcommand': {
      const list = lower === 'sendcommand' && args[0]?.k === 'arr' ? args[0].items : args;
      const cmd = str(list[0])?.toLowerCase();
      if (cmd === 'xadd') return [mk('redis.stream.produce', lib, 'redis-stream', ch(list[1]))];
      if (cmd && STREAM_CONSUME.has(cmd)) return [mk('redis.stream.consume', lib, 'redis-stream', streamKeys(cmd, list.slice(1)))];
      if (cmd === 'publish') return [mk('redis.publish', lib, 'redis', ch(list[1]))];
      return [];
    }
    default:
      return [];
  }
}

/** Stream keys of XREAD/XREADGROUP: after `STREAMS` (ioredis), or `{ key }` objects (node-redis). */
function streamKeys(cmd: string, args: (RValue | null)[]): { channel: string; pattern: boolean }[] {
  if (cmd === 'xautoclaim') return ch(args[0]);
  const idx = args.findIndex((a) => str(a)?.toUpperCase() === 'STREAMS');
  if (idx >= 0) {
    const rest = args.slice(idx + 1);
    const keys = rest.slice(0, Math.max(1, Math.floor(rest.length / 2)));
    return keys.flatMap((k) => ch(k));
  }
  for (const a of args) {
    if (a?.k === 'obj' && a.props.key) return ch(a.props.key);
    if (a?.k === 'arr') return a.items.flatMap((i) => ch(prop(i, 'key')));
  }
  return [];
}

function classifyAmqp(lib: string, m: string, args: (RValue | null)[], mk: Mk): Draft[] {
  if (m === 'publish') {
    const exchange = str(args[0]);
    const rk = channelOf(args[1]);
    // The default exchange ('') routes by queue name.
    const channels = exchange === '' ? (rk.channel ? [{ channel: rk.channel, pattern: false }] : []) : ch(args[0]);
    return [{ ...mk('amqp.publish', lib, 'amqp', channels), routingKey: rk.channel }];
  }
  if (m === 'sendToQueue') return [mk('amqp.publish', lib, 'amqp', ch(args[0]))];
  if (m === 'consume') return [mk('amqp.consume', lib, 'amqp', ch(args[0]))];
  if (m === 'bindQueue') {
    const queue = str(args[0]);
    const exchange = str(args[1]);
    if (queue && exchange) return [{ ...mk('amqp.consume', lib, 'amqp', []), binding: { queue, exchange, pattern: str(args[2]) ?? '' } }];
  }
  return [];
}

function classifyDecorator(site: Site, dec: Tag, file: string, r: Resolver, args: (RValue | null)[], mk: Mk): Draft[] {
  const lib = dec.lib;
  switch (dec.t) {
    case 'dec:gateway':
      if (site.memberName === 'handleConnection') return [mk('ws.on', lib, 'socket.io', [{ channel: 'connection', pattern: false }])];
      if (site.memberName === 'handleDisconnect') return [mk('ws.on', lib, 'socket.io', [{ channel: 'disconnect', pattern: false }])];
      return site.memberName ? [] : [mk('ws.server', lib, 'socket.io', [])];
    case 'dec:subscribeMessage':
      return [mk('ws.on', lib, 'socket.io', ch(args[0]))];
    case 'dec:sse':
      return [mk('sse.endpoint', lib, 'sse', ch(args[0]))];
    case 'dec:onEvent':
      return [mk('emitter.on', lib, 'emitter', ch(args[0]))];
    case 'dec:processor': {
      const a = args[0];
      return site.memberName ? [] : [mk('queue.consume', lib, 'bullmq', ch(a?.k === 'obj' ? a.props.name : a))];
    }
    case 'dec:process': {
      const cls = (site.classDecorators ?? []).map((d) => ({ tag: r.tag(file, d.callee), args: d.args })).find((d) => d.tag?.t === 'dec:processor');
      const q = cls?.args[0] ? r.value(file, cls.args[0]) : null;
      return [mk('queue.consume', lib, 'bullmq', ch(q?.k === 'obj' ? q.props.name : q))];
    }
    case 'dec:pattern.event':
      return [{ ...mk('kafka.consume', lib, 'kafka', ch(args[0])), nest: 'event' }];
    case 'dec:pattern.message':
      return [{ ...mk('kafka.consume', lib, 'kafka', ch(args[0])), nest: 'message' }];
    default:
      return [];
  }
}
