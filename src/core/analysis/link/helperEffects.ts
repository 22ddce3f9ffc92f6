// Dual writes through helpers: a function that writes persistent state (directly or through a workspace
// helper) and publishes to an external target (directly or through a publishing helper) is a dual write,
// even when neither half is in its own body (`await updateInvoice(db, …); await notifyPaid(id)`).
//
// Each function gets a summary, "writes persistent state" and "publishes this draft", taken from its own
// facts and drafts and then propagated along the workspace calls the wrapper machinery already resolved
// (`FileDrafts.callTargets`/`methodTargets`), a bounded number of hops. The result is, per calling file,
// the call sites that write and the call sites that publish; `finishFile` pairs them with the file's own
// writes and publishes. Like wrapper calls it depends on other files, so it is recomputed on every link
// from the per-file cached drafts: an incremental link gives what a cold one does.
import type { DetectionKind } from '../types';
import type { Draft } from './classify';
import type { FileDrafts, LinkFile } from './link';
import type { Pos } from '../extract/facts';
import { workspaceCalls } from './wrappers';

/** Publishes that make the second half of a dual write (external targets; in-process emitters do not). */
export const DUAL_WRITE_TARGETS = new Set<DetectionKind>([
  'kafka.produce', 'nats.publish', 'amqp.publish', 'queue.produce', 'redis.publish', 'redis.stream.produce', 'ws.emit',
]);

/** Hops from a caller down to the write or the publish (`handler → service → repository`). */
const MAX_DEPTH = 4;

/** What the calls of one file reach through helpers. */
export interface HelperEffects {
  /** Call sites that write persistent state inside the callee (at any depth): function, branch path, site. */
  writes: { fn: number; path: string[]; pos: Pos }[];
  /** Call sites that publish inside the callee: the callee's publish, moved to the call. */
  publishes: Draft[];
}

const key = (file: string, fn: number): string => `${file}#${fn}`;

/**
 * Helper effects per calling file. `wrapped` are the wrapper-call and parameter-receiver drafts of this
 * link (their publishes make their functions publishers too).
 */
export function helperEffects(files: LinkFile[], byFile: Map<string, FileDrafts>, wrapped: Map<string, Draft[]>): Map<string, HelperEffects> {
  const out = new Map<string, HelperEffects>();
  const calls = workspaceCalls(files, byFile);
  if (calls.length === 0) return out;
  const writers = new Set<string>();
  // One publish per function is enough to say what its calls publish: the first, in source order.
  const publishers = new Map<string, Draft>();
  const factsOf = new Map<string, LinkFile>();
  for (const f of files) {
    factsOf.set(f.abs, f);
    f.facts.fns.forEach((fn, i) => {
      // A function that writes beside an outbox row is the outbox pattern: its callers are not dual writing.
      if (fn.writes.length > 0 && !fn.outbox) writers.add(key(f.abs, i));
    });
    const own = [...(byFile.get(f.abs)?.drafts ?? []), ...(wrapped.get(f.abs) ?? [])];
    for (const d of own) notePublisher(publishers, f, d);
  }
  if (writers.size === 0 && publishers.size === 0) return out;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    let changed = false;
    for (const { f, c, target } of calls) {
      if (c.fn < 0) continue;
      const callerKey = key(f.abs, c.fn);
      const callee = key(target.file, target.fn);
      if (callee === callerKey) continue;
      if (writers.has(callee) && !writers.has(callerKey) && !f.facts.fns[c.fn]?.outbox) {
        writers.add(callerKey);
        changed = true;
      }
      const pub = publishers.get(callee);
      if (pub && !publishers.has(callerKey) && notePublisher(publishers, f, { ...pub, fn: c.fn, pos: c.pos, path: c.path, snippet: c.snippet })) changed = true;
    }
    if (!changed) break;
  }
  for (const { f, c, target } of calls) {
    if (c.fn < 0) continue;
    const callee = key(target.file, target.fn);
    if (callee === key(f.abs, c.fn)) continue;
    const isWrite = writers.has(callee);
    const pub = publishers.get(callee);
    if (!isWrite && !pub) continue;
    const e = out.get(f.abs) ?? { writes: [], publishes: [] };
    if (isWrite) e.writes.push({ fn: c.fn, path: c.path, pos: c.pos });
    if (pub) e.publishes.push({ ...pub, fn: c.fn, pos: c.pos, path: c.path, snippet: c.snippet });
    out.set(f.abs, e);
  }
  return out;
}

function notePublisher(publishers: Map<string, Draft>, f: LinkFile, d: Draft): boolean {
  if (d.fn < 0 || !DUAL_WRITE_TARGETS.has(d.kind)) return false;
  // A relay or an outbox writer publishes on the outbox's behalf: calling it is the pattern, not a dual write.
  if (f.facts.fns[d.fn]?.outbox) return false;
  const k = key(f.abs, d.fn);
  if (publishers.has(k)) return false;
  publishers.set(k, d);
  return true;
}
