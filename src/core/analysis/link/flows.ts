// The flow graph: one flow per broker + channel, listing every producer and consumer whose channel matches
// it (wildcards honoured), across files and services. AMQP consumers of a queue join the flows of the
// exchanges their queue is bound to when the binding pattern matches the publish's routing key.
import type { Broker, Detection, DetectionKind, Flow } from '../types';
import { matchesChannel, patternMatches } from './wildcards';

const PRODUCER_KINDS = new Set<DetectionKind>([
  'ws.emit', 'redis.publish', 'redis.stream.produce', 'kafka.produce', 'nats.publish', 'amqp.publish', 'queue.produce',
  'emitter.emit', 'sse.endpoint', 'trpc.subscription',
]);
const CONSUMER_KINDS = new Set<DetectionKind>([
  'ws.on', 'redis.subscribe', 'redis.stream.consume', 'kafka.consume', 'nats.subscribe', 'amqp.consume', 'queue.consume',
  'emitter.on', 'sse.client',
]);

/**
 * Socket lifecycle events are detections (the spec counts them) but not channels between services:
 * every socket has them, so as flows they would only pair every client with every server.
 */
const SOCKET_LIFECYCLE: Partial<Record<Broker, ReadonlySet<string>>> = {
  'socket.io': new Set([
    'connection', 'connect', 'disconnect', 'disconnecting', 'connect_error', 'error', 'reconnect', 'reconnect_attempt',
    'reconnect_error', 'reconnect_failed', 'ping', 'pong', 'open', 'close', 'upgrade', 'new_namespace',
  ]),
  // ws messages have no names: `message` is the socket itself, like its open/close/error events.
  ws: new Set(['connection', 'open', 'close', 'error', 'message', 'ping', 'pong', 'upgrade', 'headers', 'listening', 'unexpected-response', 'wsClientError']),
};

export function isSocketLifecycle(broker: Broker, channel: string): boolean {
  return SOCKET_LIFECYCLE[broker]?.has(channel) ?? false;
}

export interface AmqpBindingFact {
  queue: string;
  exchange: string;
  pattern: string;
}

interface Group {
  broker: Broker;
  channel: string;
  pattern: boolean;
  producers: Detection[];
  consumers: Detection[];
}

/** SSE clients name full URLs, endpoints name paths: compare paths. */
function normalize(broker: Broker, channel: string): string {
  if (broker !== 'sse') return channel;
  const noOrigin = channel.replace(/^[a-z]+:\/\/[^/]+/i, '');
  return (noOrigin.split('?')[0] ?? '') || '/';
}

export function buildFlows(detections: Detection[], bindings: AmqpBindingFact[]): Flow[] {
  const groups = new Map<string, Group>();
  for (const d of detections) {
    const isP = PRODUCER_KINDS.has(d.kind);
    const isC = CONSUMER_KINDS.has(d.kind);
    if (!isP && !isC) continue;
    if (d.channel === null || isSocketLifecycle(d.broker, d.channel)) continue;
    {
      const raw = d.channel;
      const channel = normalize(d.broker, raw);
      const key = `${d.broker}:${channel}`;
      let g = groups.get(key);
      if (!g) {
        g = { broker: d.broker, channel, pattern: false, producers: [], consumers: [] };
        groups.set(key, g);
      }
      if (d.channelIsPattern) g.pattern = true;
      (isP ? g.producers : g.consumers).push(d);
    }
  }
  const all = [...groups.values()];
  const patternGroups = all.filter((g) => g.pattern);
  const flows: Flow[] = [];
  for (const [key, g] of groups) {
    const producers = new Set(g.producers.map((d) => d.id));
    const consumers = new Set(g.consumers.map((d) => d.id));
    for (const pg of patternGroups) {
      if (pg === g || pg.broker !== g.broker) continue;
      // Pattern subscribers receive this channel's messages; pattern producers may publish to it.
      if (g.producers.length && pg.consumers.length && matchesChannel(g.broker, g.channel, g.pattern, pg.channel, true)) {
        for (const c of pg.consumers) consumers.add(c.id);
      }
      if (g.consumers.length && pg.producers.length && matchesChannel(g.broker, pg.channel, true, g.channel, g.pattern)) {
        for (const p of pg.producers) producers.add(p.id);
      }
    }
    // A pattern subscription's own flow lists the concrete producers it receives from.
    if (g.pattern && g.consumers.length) {
      for (const h of all) {
        if (h === g || h.pattern || h.broker !== g.broker || !h.producers.length) continue;
        if (matchesChannel(g.broker, h.channel, false, g.channel, true)) for (const p of h.producers) producers.add(p.id);
      }
    }
    if (g.broker === 'amqp') {
      for (const p of g.producers) {
        for (const b of bindings) {
          if (b.exchange !== g.channel) continue;
          const rk = p.routingKey ?? '';
          if (b.pattern === '' || b.pattern === '#' || b.pattern === rk || patternMatches('amqp', b.pattern, rk)) {
            for (const c of groups.get(`amqp:${b.queue}`)?.consumers ?? []) consumers.add(c.id);
          }
        }
      }
    }
    flows.push({ id: key, broker: g.broker, channel: g.channel, producers: [...producers].sort(), consumers: [...consumers].sort() });
  }
  flows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return flows;
}
