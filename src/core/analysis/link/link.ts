// Link: from the facts of every included file to detections and flows. Pure function of the facts (plus
// lazily read facts of imported files), so incremental and cold runs agree by construction.
import type { Broker, Detection, DetectionKind } from '../types';
import type { FileFacts, FnInfo, LocalDetection, Site, TagExpr, WrapperCall } from '../extract/facts';
import type { Draft } from './classify';
import { classifySite } from './classify';
import type { AmqpBindingFact } from './flows';
import type { WorkspaceView } from './resolve';
import { Resolver } from './resolve';
import { MARKER_CHAR, PARAM_MARKER, channelsOf } from './channelText';
import { DUAL_WRITE_TARGETS, type HelperEffects } from './helperEffects';

export interface LinkFile {
  abs: string;
  /** POSIX path relative to its root. */
  rel: string;
  /** Index of that root in the analysis's roots. */
  root: number;
  service: string;
  facts: FileFacts;
}

/** The file's own constructs (before wrapper calls and dual writes), cached per file. */
export interface FileDrafts {
  drafts: Draft[];
  bindings: AmqpBindingFact[];
  /** The function each of `facts.calls` calls (file + index), when it is a workspace function. */
  callTargets: ({ file: string; fn: number } | null)[];
  /** The method each of `facts.methodCalls` calls, when it is a workspace class's or object's. */
  methodTargets: ({ file: string; fn: number } | null)[];
}

const TRANSPORT_ORDER = ['KAFKA', 'RMQ', 'NATS', 'REDIS'];

type NestMap = Record<'event' | 'message' | 'emit' | 'send', [DetectionKind, Broker] | null>;

const NEST_KINDS: Record<string, NestMap> = {
  KAFKA: { event: ['kafka.consume', 'kafka'], message: ['kafka.consume', 'kafka'], emit: ['kafka.produce', 'kafka'], send: ['kafka.produce', 'kafka'] },
  RMQ: { event: ['amqp.consume', 'amqp'], message: ['amqp.consume', 'amqp'], emit: ['amqp.publish', 'amqp'], send: ['amqp.publish', 'amqp'] },
  NATS: { event: ['nats.subscribe', 'nats'], message: ['nats.subscribe', 'nats'], emit: ['nats.publish', 'nats'], send: ['nats.publish', 'nats'] },
  REDIS: { event: ['redis.subscribe', 'redis'], message: null, emit: ['redis.publish', 'redis'], send: null },
};

/**
 * The transport a NestJS construct runs on: handlers follow the transport their service is served by, a
 * `ClientProxy` the registration of its injection token (extract/nestTransports.ts); otherwise the
 * service's transports by precedence. TCP (or any transport without messaging kinds) gives none: RPC.
 */
function nestTransport(d: Draft, transports: Set<string>): string | null {
  const roles = [...transports];
  if (d.nest === 'event' || d.nest === 'message') {
    const served = roles.filter((s) => s.startsWith('served:')).map((s) => s.slice('served:'.length));
    if (served.length > 0) return TRANSPORT_ORDER.find((x) => served.includes(x)) ?? served[0] ?? null;
  } else if (d.nestToken) {
    const prefix = `client:${d.nestToken}=`;
    const registered = roles.find((s) => s.startsWith(prefix));
    if (registered) return registered.slice(prefix.length);
  }
  return TRANSPORT_ORDER.find((x) => transports.has(x)) ?? null;
}

export function makeResolver(ws: WorkspaceView): Resolver {
  return new Resolver(ws);
}

/** Constructs of one file. `transports` are the NestJS transports configured in the file's service. */
export function fileDrafts(f: LinkFile, r: Resolver, transports: Set<string>): FileDrafts {
  const drafts: Draft[] = [];
  const bindings: AmqpBindingFact[] = [];
  for (const site of f.facts.sites) {
    for (const d of classifySite(site, f.abs, r)) {
      if (d.binding) {
        bindings.push(d.binding);
        continue;
      }
      if (d.nest) {
        const tr = nestTransport(d, transports);
        const mapped = tr ? NEST_KINDS[tr]?.[d.nest] : null;
        if (!mapped) continue;
        drafts.push({ ...d, kind: mapped[0], broker: mapped[1], role: mapped[0].endsWith('consume') || mapped[0].endsWith('subscribe') ? 'consumer' : 'producer' });
        continue;
      }
      drafts.push(d);
    }
  }
  for (const l of f.facts.locals) drafts.push(localDraft(l, f.abs, r));
  const callTargets = f.facts.calls.map((c) => {
    const callee = c.callee;
    if ('fn' in callee) return { file: f.abs, fn: callee.fn };
    const mod = r.ws.resolveModule(f.abs, callee.spec);
    const target = mod ? r.exportFn(mod, callee.name) : null;
    // A library function re-exported by a workspace module (`export { on } from 'node:events'`).
    if (!target && mod && callee.spec.startsWith('.')) drafts.push(...reexportedCall(f, c, callee, r));
    return target;
  });
  const methodTargets = f.facts.methodCalls.map((c) => {
    // Only the receiver's shape matters here: its arguments (names of queues) are not resolved.
    const recv = r.tag(f.abs, withoutArgs(c.recv));
    const fn = recv?.methods?.[c.method];
    return fn !== undefined && recv?.file ? { file: recv.file, fn } : null;
  });
  return { drafts, bindings, callTargets, methodTargets };
}

function withoutArgs(e: TagExpr): TagExpr {
  switch (e.k) {
    case 'new':
      return { k: 'new', of: withoutArgs(e.of), arg0: null };
    case 'call':
      return { k: 'call', of: withoutArgs(e.of), arg0: null };
    case 'inst':
      return { k: 'inst', of: withoutArgs(e.of), name: null };
    case 'prop':
      return { k: 'prop', of: withoutArgs(e.of), name: e.name };
    case 'param':
      return { ...e, of: withoutArgs(e.of) };
    default:
      return e;
  }
}

function reexportedCall(f: LinkFile, c: WrapperCall, callee: { spec: string; name: string }, r: Resolver): Draft[] {
  const site: Site = { kind: 'call', recv: null, callee: { k: 'imp', spec: callee.spec, name: callee.name }, method: null, args: c.args, pos: c.pos, fn: c.fn, path: c.path, snippet: c.snippet };
  return classifySite(site, f.abs, r);
}

/**
 * Detections of one file: its drafts plus wrapper calls, and the dual writes among them. `helpers` are the
 * writes and publishes its calls reach inside workspace helpers (link/helperEffects.ts).
 */
export function finishFile(f: LinkFile, drafts: Draft[], helpers?: HelperEffects): Detection[] {
  // Dual writes: a publish to an external target in a function that also writes persistent state on a
  // path that can run together with it, and never touches an outbox. Either half may be a helper call.
  const publishes = drafts.filter((d) => DUAL_WRITE_TARGETS.has(d.kind) && d.fn >= 0);
  const at = (p: { line: number; column: number }): string => `${p.line}:${p.column}`;
  if (helpers) {
    // A wrapper call already stands for its publish at that call.
    const taken = new Set(publishes.map((d) => at(d.pos)));
    for (const p of helpers.publishes) if (!taken.has(at(p.pos))) publishes.push(p);
  }
  const relays = new Set(drafts.filter((d) => d.kind === 'outbox.relay').map((d) => d.fn));
  const dual: Draft[] = [];
  for (const d of publishes) {
    const fn = f.facts.fns[d.fn];
    if (!fn || (fn.outbox && !bypassesOutbox(fn, d, relays))) continue;
    const writes = [...fn.writes];
    // A helper that both writes and publishes is one call, not a write beside a publish.
    if (!fn.outbox) for (const w of helpers?.writes ?? []) if (w.fn === d.fn && at(w.pos) !== at(d.pos)) writes.push(w.path);
    if (writes.some((w) => !exclusive(w, d.path))) dual.push({ ...d, kind: 'dual_write', role: 'producer' });
  }
  const detections: Detection[] = [];
  const seen = new Set<string>();
  for (const d of [...drafts, ...dual]) {
    for (const det of toDetections(d, f)) {
      if (seen.has(det.id)) continue;
      seen.add(det.id);
      detections.push(det);
    }
  }
  detections.sort(byPosition);
  return detections;
}

/**
 * An outbox used for one event does not excuse a publish beside it that bypasses it: the function inserts
 * an outbox row and writes state of its own, is no relay, and publishes straight to a fixed channel (a
 * publish of a row's own topic, or one that names the outbox, is the relay's or its wake-up call).
 */
function bypassesOutbox(fn: FnInfo, d: Draft, relays: Set<number>): boolean {
  if (!fn.outboxWrite || fn.writes.length === 0 || relays.has(d.fn) || /outbox/i.test(d.snippet)) return false;
  return d.channels.length > 0 && d.channels.every((c) => !c.channel.includes(MARKER_CHAR) && !/outbox/i.test(c.channel));
}

/** Unfilled wrapper parameters are unknown parts of the channel (`stock.${name}` → `stock.*`). */
function publicChannel(c: { channel: string; pattern: boolean }): { channel: string; pattern: boolean } | null {
  if (!c.channel.includes(MARKER_CHAR)) return c;
  const channel = c.channel.replace(PARAM_MARKER, '*').replace(/\*+/g, '*');
  return channel === '*' ? null : { channel, pattern: true };
}

function localDraft(l: LocalDetection, file: string, r: Resolver): Draft {
  const channels = l.channel ? channelsOf(r.value(file, l.channel)) : [];
  return { kind: l.kind, library: l.library, broker: l.broker, role: l.role, channels, pos: l.pos, fn: l.fn, path: l.path, snippet: l.snippet };
}

/** Two branch paths are exclusive when they take different arms of the same `if`. */
function exclusive(a: string[], b: string[]): boolean {
  const arms = new Map<string, string>();
  for (const s of a) {
    const i = s.lastIndexOf(':');
    arms.set(s.slice(0, i), s.slice(i + 1));
  }
  for (const s of b) {
    const i = s.lastIndexOf(':');
    const other = arms.get(s.slice(0, i));
    if (other !== undefined && other !== s.slice(i + 1) && other !== 'case') return true;
  }
  return false;
}

const NULL_CHANNEL_KINDS = new Set<DetectionKind>(['outbox.table', 'outbox.relay']);

/** One detection per channel: `subscribe('a', 'b')` and `topics: [a, b]` are two subscriptions. */
function toDetections(d: Draft, f: LinkFile): Detection[] {
  const chans = NULL_CHANNEL_KINDS.has(d.kind) ? [] : d.channels;
  if (chans.length <= 1) return [toDetection(d, f, chans[0] ?? null, 0)];
  return chans.map((c, i) => toDetection(d, f, c, i));
}

function toDetection(d: Draft, f: LinkFile, raw: { channel: string; pattern: boolean } | null, index: number): Detection {
  const ch = raw ? publicChannel(raw) : null;
  // Ids stay `file:line:column:kind` in the first root; later roots prefix their index so two roots with
  // the same relative path never collide.
  const base = `${f.root > 0 ? `${f.root}/` : ''}${f.rel}:${d.pos.line}:${d.pos.column}:${d.kind}`;
  const det: Detection = {
    id: index === 0 ? base : `${base}#${ch?.channel ?? index}`,
    kind: d.kind,
    library: d.library,
    broker: d.broker,
    role: d.role,
    channel: ch?.channel ?? null,
    channelIsPattern: ch?.pattern ?? false,
    file: f.rel,
    root: f.root,
    enclosingFunction: d.fn >= 0 ? (f.facts.fns[d.fn]?.name ?? null) : null,
    service: f.service,
    snippet: d.snippet,
    line: d.pos.line,
    column: d.pos.column,
    endLine: d.pos.endLine,
    endColumn: d.pos.endColumn,
  };
  if (d.routingKey !== undefined) det.routingKey = d.routingKey === null ? null : (publicChannel({ channel: d.routingKey, pattern: false })?.channel ?? null);
  return det;
}

export function byPosition(a: Detection, b: Detection): number {
  if (a.root !== b.root) return a.root - b.root;
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  return a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0;
}
