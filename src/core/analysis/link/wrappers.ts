// Wrappers: a project function whose publish/subscribe takes its channel from a parameter
// (`publishEvent(topic, payload) { producer.send({ topic }) }`). Each call of such a function is a detection
// of the wrapped kind, with the caller's argument as channel; a wrapper calling a wrapper with a channel
// built from its own parameter is a wrapper too (any depth, up to a fixed bound).
import type { Draft } from './classify';
import { NATS_WILD } from './classify';
import type { FileDrafts, LinkFile } from './link';
import type { MethodCall, WrapperCall } from '../extract/facts';
import type { RValue, Resolver } from './resolve';
import { MARKER_CHAR, channelsOf, fillParams } from './channelText';
import { argSiteDrafts } from './argSites';
import { MAX_DETECTIONS_PER_FILE } from './valueSteps';

const MAX_ROUNDS = 6;
/** Distinct wrapped constructs kept per function: each call of a wrapper makes one detection per construct,
 *  so wrappers calling wrappers multiply them; real wrappers have a handful. */
const MAX_WRAPPED_PER_FN = 64;

/**
 * The construct's channel comes from a parameter of its function, or (AMQP) its whole routing key does: a
 * `publish(routingKey, body)` over a fixed exchange is the app's generic bus, each call naming its message.
 * A routing key that only embeds a parameter (`device.${id}.reading`) is a helper for one fixed message, like
 * a helper with a fixed channel: only its inner publish counts.
 */
function hasParam(d: Draft): boolean {
  return d.channels.some((c) => c.channel.includes(MARKER_CHAR)) || (d.routingKey != null && WHOLE_PARAM.test(d.routingKey));
}

const WHOLE_PARAM = /^\uE000P(\d+)\uE000$/;

type WrapperTable = Map<string, Draft[]>;

const key = (file: string, fn: number): string => `${file}#${fn}`;

/** What wrapper calls and parameter-receiver sites add to each file. */
export interface WrapperDrafts {
  /** Their drafts, by file (without a call's repeats that the detection ids would drop, see `callDrafts`). */
  drafts: Map<string, Draft[]>;
  /** How many drafts they make per file, repeats included: what the per-file detection budget counts
   *  (runtime/linkBudget.ts). A file over that budget gets no drafts here: the engine skips it. */
  counts: Map<string, number>;
}

/**
 * Wrapper-call drafts per file. `draftsByFile` are the files' own drafts; drafts whose channel holds a
 * parameter marker seed the wrapper table.
 */
export function wrapperDrafts(files: LinkFile[], byFile: Map<string, FileDrafts>, r: Resolver): WrapperDrafts {
  const { table, calls } = wrapperTable(files, byFile, r);
  const argSites = argSiteDrafts(files, byFile, r);
  const counts = new Map<string, number>();
  for (const s of calls) counts.set(s.f.abs, (counts.get(s.f.abs) ?? 0) + (table.get(s.target)?.length ?? 0));
  for (const [file, ds] of argSites) counts.set(file, (counts.get(file) ?? 0) + ds.length);
  // Counted first, filled in after: a file past the budget is skipped without building its channels.
  const over = (file: string): boolean => (byFile.get(file)?.drafts.length ?? 0) + (counts.get(file) ?? 0) > MAX_DETECTIONS_PER_FILE;
  const drafts = new Map<string, Draft[]>();
  for (const s of calls) {
    const wrapped = table.get(s.target);
    if (!wrapped || over(s.f.abs)) continue;
    const own = callDrafts(s, wrapped, r);
    if (own.length === 0) continue;
    const list = drafts.get(s.f.abs) ?? [];
    for (const d of own) list.push(d);
    drafts.set(s.f.abs, list);
  }
  for (const [file, ds] of argSites) if (!over(file)) drafts.set(file, [...(drafts.get(file) ?? []), ...ds]);
  return { drafts, counts };
}

/** A call of a workspace function or method, with the function it reaches. */
export interface WorkspaceCall {
  f: LinkFile;
  c: WrapperCall | MethodCall;
  target: { file: string; fn: number };
}

/** Every resolved call of a workspace function (handler registrations left out); targets were resolved with
 *  the files' drafts, cached per file. Shared by wrappers and dual writes through helpers. */
export function workspaceCalls(files: LinkFile[], byFile: Map<string, FileDrafts>): WorkspaceCall[] {
  const calls: WorkspaceCall[] = [];
  for (const f of files) {
    const fd = byFile.get(f.abs);
    const targets = fd?.callTargets ?? [];
    f.facts.calls.forEach((c, i) => {
      const target = targets[i];
      if (target && !c.handlerRef) calls.push({ f, c, target });
    });
    const methodTargets = fd?.methodTargets ?? [];
    f.facts.methodCalls.forEach((c, i) => {
      const target = methodTargets[i];
      if (target) calls.push({ f, c, target });
    });
  }
  return calls;
}

/** One call of a workspace function, with its arguments resolved once and how many of its target's
 *  wrapped constructs it has already passed on to its own function. */
interface WrapperCallSite {
  f: LinkFile;
  c: WrapperCall | MethodCall;
  target: string;
  args: (RValue | null)[] | null;
  done: number;
}

/** The wrapped constructs of every called workspace function (to their fixed point), and the calls. */
function wrapperTable(files: LinkFile[], byFile: Map<string, FileDrafts>, r: Resolver): { table: WrapperTable; calls: WrapperCallSite[] } {
  const table: WrapperTable = new Map();
  // Signatures already in the table, per function: one lookup per added draft keeps linking linear.
  const sigs = new Map<string, Set<string>>();
  const full = (k: string): boolean => (sigs.get(k)?.size ?? 0) >= MAX_WRAPPED_PER_FN;
  const add = (file: string, d: Draft): boolean => {
    if (d.fn < 0) return false;
    const k = key(file, d.fn);
    const list = table.get(k) ?? [];
    const seen = sigs.get(k) ?? new Set<string>();
    const sig = `${d.kind}|${d.channels.map((c) => c.channel).join(',')}`;
    if (seen.has(sig) || seen.size >= MAX_WRAPPED_PER_FN) return false;
    seen.add(sig);
    sigs.set(k, seen);
    list.push(d);
    table.set(k, list);
    return true;
  };
  for (const f of files) {
    for (const d of byFile.get(f.abs)?.drafts ?? []) {
      if (d.kind !== 'dual_write' && hasParam(d)) add(f.abs, d);
    }
  }
  const calls: WrapperCallSite[] = [];
  if (table.size === 0) return { table, calls };
  for (const { f, c, target } of workspaceCalls(files, byFile)) calls.push({ f, c, target: key(target.file, target.fn), args: null, done: 0 });
  // Only calls inside a function that is called itself can feed a table entry that is ever read, and
  // each call passes on each wrapped construct once (not once a round): a chain of wrappers costs its
  // calls times the per-function bound, not every call's expansion in every round.
  const called = new Set(calls.map((s) => s.target));
  const feeding = calls.filter((s) => s.c.fn >= 0 && called.has(key(s.f.abs, s.c.fn)));
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let changed = false;
    for (const s of feeding) {
      const wrapped = table.get(s.target);
      if (!wrapped) continue;
      // A full function takes no more constructs: nothing to fill in for it.
      if (full(key(s.f.abs, s.c.fn))) s.done = wrapped.length;
      // `wrapped` can grow while it is walked (a recursive wrapper): the per-function bound ends it.
      for (; s.done < wrapped.length; s.done++) {
        const d = callDraft(s, wrapped[s.done] as Draft, r);
        if (hasParam(d) && add(s.f.abs, d)) changed = true;
      }
    }
    if (!changed) break;
  }
  return { table, calls };
}

/**
 * The drafts one call of a wrapper makes. A detection is identified by its position and kind (plus its
 * channel when one construct has several, link.ts `toDetection`), and every draft of a call has the
 * call's position: after the first of a kind, another one-channel draft of that kind is a repeat the
 * detection ids drop, so it is not filled in (wrappers of wrappers hold up to MAX_WRAPPED_PER_FN each).
 */
function callDrafts(s: WrapperCallSite, wrapped: Draft[], r: Resolver): Draft[] {
  const out: Draft[] = [];
  const kinds = new Set<string>();
  for (const w of wrapped) {
    if (kinds.has(w.kind) && channelCount(s, w, r) <= 1) continue;
    kinds.add(w.kind);
    out.push(callDraft(s, w, r));
  }
  return out;
}

/** How many channels `callDraft` gives `w` at this call, without filling them in. */
function channelCount(s: WrapperCallSite, w: Draft, r: Resolver): number {
  let n = 0;
  for (const ch of w.channels) {
    const whole = ch.channel.includes(MARKER_CHAR) ? WHOLE_PARAM.exec(ch.channel) : null;
    const arg = whole ? argsOf(s, r)[Number(whole[1])] : null;
    n += arg?.k === 'arr' && arg.items.length > 1 ? channelsOf(arg).length : 1;
  }
  return n;
}

function argsOf(s: WrapperCallSite, r: Resolver): (RValue | null)[] {
  s.args ??= s.c.args.map((a) => r.value(s.f.abs, a));
  return s.args;
}

/** The construct `w` of a wrapper as one call of it makes it: the caller's arguments fill its channel. */
function callDraft(s: WrapperCallSite, w: Draft, r: Resolver): Draft {
  const { c } = s;
  const args = argsOf(s, r);
  const channels = w.channels.flatMap((ch) => {
    if (!ch.channel.includes(MARKER_CHAR)) return [ch];
    // `subscribe({ topics })` with the caller's array: one subscription per topic.
    const whole = WHOLE_PARAM.exec(ch.channel);
    const arg = whole ? args[Number(whole[1])] : null;
    if (arg?.k === 'arr' && arg.items.length > 1) {
      return channelsOf(arg).map((c) => (w.kind === 'nats.subscribe' && NATS_WILD.test(c.channel) ? { ...c, pattern: true } : c));
    }
    const filled = fillParams(ch.channel, args);
    // A subject filled in by the caller can be a NATS wildcard subscription.
    if (w.kind === 'nats.subscribe' && NATS_WILD.test(filled.channel)) filled.pattern = true;
    return [filled];
  });
  const d: Draft = { ...w, channels, pos: c.pos, fn: c.fn, path: c.path, snippet: c.snippet };
  // `publish(EXCHANGE, routingKey)` with the routing key from the caller: the exchange is fixed.
  if (w.routingKey?.includes(MARKER_CHAR)) d.routingKey = fillParams(w.routingKey, args).channel;
  return d;
}
