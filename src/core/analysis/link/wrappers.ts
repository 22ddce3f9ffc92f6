// Wrappers: a project function whose publish/subscribe takes its channel from a parameter
// (`publishEvent(topic, payload) { producer.send({ topic }) }`). Each call of such a function is a detection
// of the wrapped kind, with the caller's argument as channel; a wrapper calling a wrapper with a channel
// built from its own parameter is a wrapper too (any depth, up to a fixed bound).
import type { Draft } from './classify';
import { NATS_WILD } from './classify';
import type { FileDrafts, LinkFile } from './link';
import type { MethodCall, WrapperCall } from '../extract/facts';
import type { Resolver } from './resolve';
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

/**
 * Wrapper-call drafts per file. `draftsByFile` are the files' own drafts; drafts whose channel holds a
 * parameter marker seed the wrapper table.
 */
export function wrapperDrafts(files: LinkFile[], byFile: Map<string, FileDrafts>, r: Resolver): Map<string, Draft[]> {
  const out = wrapperCallDrafts(files, byFile, r);
  for (const [file, drafts] of argSiteDrafts(files, byFile, r)) out.set(file, [...(out.get(file) ?? []), ...drafts]);
  return out;
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

function wrapperCallDrafts(files: LinkFile[], byFile: Map<string, FileDrafts>, r: Resolver): Map<string, Draft[]> {
  const table: WrapperTable = new Map();
  // Signatures already in the table, per function: one lookup per added draft keeps linking linear.
  const sigs = new Map<string, Set<string>>();
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
  const out = new Map<string, Draft[]>();
  if (table.size === 0) return out;
  const calls = workspaceCalls(files, byFile);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let changed = false;
    out.clear();
    for (const { f, c, target } of calls) {
      const wrapped = table.get(key(target.file, target.fn));
      if (!wrapped) continue;
      const args = c.args.map((a) => r.value(f.abs, a));
      for (const w of wrapped) {
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
        const list = out.get(f.abs) ?? [];
        // One past the budget is enough for the engine to skip the file (runtime/linkBudget.ts).
        if (list.length > MAX_DETECTIONS_PER_FILE) break;
        list.push(d);
        out.set(f.abs, list);
        if (hasParam(d) && add(f.abs, d)) changed = true;
      }
    }
    if (!changed) break;
  }
  return out;
}
