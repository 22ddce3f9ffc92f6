// Event calls on an untyped parameter (`function attachStatus(uploader) { uploader.on('upload:done') }`):
// the function's callers say what the receiver is. Each caller whose argument resolves to an emitter (or
// another library receiver) makes the site a construct of the function's file, once per distinct site.
// Like wrapper calls, this depends on other files, so it is recomputed on every link.
import type { Draft } from './classify';
import { classifySite } from './classify';
import type { FileDrafts, LinkFile } from './link';
import type { Site, TagExpr } from '../extract/facts';
import type { Resolver } from './resolve';

/** How many hand-offs of an untyped parameter (`createClient(ws)` → `new Client(ws)` → `this.ws`) are followed. */
const MAX_HANDOFFS = 4;

/** A site waiting for the callers of `fn`'s parameter `i` in `file`; `recv` has that `arg` at its root. */
interface Waiting {
  file: string;
  site: Site;
  recv: TagExpr;
}

/** Drafts of parameter-receiver sites, by the file of the site. */
export function argSiteDrafts(files: LinkFile[], byFile: Map<string, FileDrafts>, r: Resolver): Map<string, Draft[]> {
  const out = new Map<string, Draft[]>();
  // Sites waiting for a caller, by `file#fn#param`.
  let waiting = new Map<string, Waiting[]>();
  const wait = (into: Map<string, Waiting[]>, file: string, arg: { fn: number; i: number }, w: Waiting): void => {
    const k = `${file}#${arg.fn}#${arg.i}`;
    const list = into.get(k) ?? [];
    list.push(w);
    into.set(k, list);
  };
  for (const f of files) {
    for (const site of f.facts.sites) {
      const arg = site.recv ? argRoot(site.recv) : null;
      if (arg && site.recv) wait(waiting, f.abs, arg, { file: f.abs, site, recv: site.recv });
    }
  }
  if (waiting.size === 0) return out;
  const done = new Set<Site>();
  // Calls passing an argument, once: each round looks them up for the sites still waiting.
  const calls: { file: string; argTags: (TagExpr | null)[]; target: { file: string; fn: number } }[] = [];
  for (const f of files) {
    const targets = byFile.get(f.abs)?.callTargets ?? [];
    f.facts.calls.forEach((c, ci) => {
      const target = targets[ci];
      if (target && c.argTags) calls.push({ file: f.abs, argTags: c.argTags, target });
    });
  }
  for (let round = 0; round <= MAX_HANDOFFS && waiting.size > 0; round++) {
    // Sites whose receiver a caller hands on from its own untyped parameter wait for that caller's callers.
    const next = new Map<string, Waiting[]>();
    let handed = 0;
    for (const c of calls) {
      c.argTags.forEach((argTag, i) => {
        if (!argTag) return;
        for (const w of waiting.get(`${c.target.file}#${c.target.fn}#${i}`) ?? []) {
          if (done.has(w.site)) continue;
          if (argTag.k === 'arg') {
            // The site's file may differ from the caller's: the placeholder is resolved in the caller's.
            if (round < MAX_HANDOFFS && handed++ < MAX_HANDED_PER_ROUND) wait(next, c.file, argTag, { ...w, recv: withRoot(w.recv, { k: 'at', file: c.file, of: argTag }) });
            continue;
          }
          const recv = withRoot(w.recv, { k: 'at', file: c.file, of: argTag });
          // A receiver known only through its callers counts with a known event name: forwarding every
          // event of a list (`source.on(name, …)` in a loop) says nothing about which messages flow.
          const drafts = classifySite({ ...w.site, recv }, w.file, r).filter((d) => d.channels.length > 0 || NULL_CHANNEL_METHODS.has(w.site.method ?? ''));
          if (drafts.length === 0) continue;
          done.add(w.site);
          const list = out.get(w.file) ?? [];
          list.push(...drafts);
          out.set(w.file, list);
        }
      });
    }
    waiting = next;
  }
  return out;
}

/** Sites handed on per round: a bound on pathological call graphs (every function passing its parameters on). */
const MAX_HANDED_PER_ROUND = 10_000;

/** Methods whose construct has no channel by the contract (a ws `send`, a WebSocket route's behavior). */
const NULL_CHANNEL_METHODS = new Set(['send', 'ws', 'adapter', 'onAny', 'publish', 'ws:message']);

/** The `arg` placeholder a receiver chain starts from (`socket.to(room)` → the parameter `socket`), also
 *  when an earlier hand-off put it inside an `at` (a caller's own parameter). */
function argRoot(e: TagExpr): Extract<TagExpr, { k: 'arg' }> | null {
  for (let cur: TagExpr = e, hops = 0; hops < 16; hops++) {
    if (cur.k === 'arg') return cur;
    if (cur.k !== 'prop' && cur.k !== 'call' && cur.k !== 'param' && cur.k !== 'at') return null;
    cur = cur.of;
  }
  return null;
}

/** The chain with its `arg` placeholder replaced by what a caller passes. */
function withRoot(e: TagExpr, root: TagExpr): TagExpr {
  if (e.k === 'arg') return root;
  if (e.k === 'prop' || e.k === 'call' || e.k === 'param' || e.k === 'at') return { ...e, of: withRoot(e.of, root) };
  return e;
}
