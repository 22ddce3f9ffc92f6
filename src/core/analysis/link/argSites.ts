// Event calls on an untyped parameter (`function attachStatus(uploader) { uploader.on('upload:done') }`):
// the function's callers say what the receiver is. Each caller whose argument resolves to an emitter (or
// another library receiver) makes the site a construct of the function's file, once per distinct site.
// Like wrapper calls, this depends on other files, so it is recomputed on every link.
import type { Draft } from './classify';
import { classifySite } from './classify';
import type { FileDrafts, LinkFile } from './link';
import type { Site, TagExpr } from '../extract/facts';
import type { Resolver } from './resolve';

/** Drafts of parameter-receiver sites, by the file of the site. */
export function argSiteDrafts(files: LinkFile[], byFile: Map<string, FileDrafts>, r: Resolver): Map<string, Draft[]> {
  const out = new Map<string, Draft[]>();
  // Sites waiting for a caller, by `file#fn#param`.
  const waiting = new Map<string, { file: string; site: Site }[]>();
  for (const f of files) {
    for (const site of f.facts.sites) {
      const arg = site.recv ? argRoot(site.recv) : null;
      if (!arg) continue;
      const k = `${f.abs}#${arg.fn}#${arg.i}`;
      const list = waiting.get(k) ?? [];
      list.push({ file: f.abs, site });
      waiting.set(k, list);
    }
  }
  if (waiting.size === 0) return out;
  const done = new Set<Site>();
  for (const f of files) {
    const targets = byFile.get(f.abs)?.callTargets ?? [];
    f.facts.calls.forEach((c, ci) => {
      const target = targets[ci];
      if (!target || !c.argTags) return;
      c.argTags.forEach((argTag, i) => {
        if (!argTag) return;
        for (const w of waiting.get(`${target.file}#${target.fn}#${i}`) ?? []) {
          if (done.has(w.site)) continue;
          const recv = withRoot(w.site.recv as TagExpr, { k: 'at', file: f.abs, of: argTag });
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
    });
  }
  return out;
}

/** Methods whose construct has no channel by the contract (a ws `send`, a WebSocket route's behavior). */
const NULL_CHANNEL_METHODS = new Set(['send', 'ws', 'adapter', 'onAny', 'publish', 'ws:message']);

/** The `arg` placeholder a receiver chain starts from (`socket.to(room)` → the parameter `socket`). */
function argRoot(e: TagExpr): Extract<TagExpr, { k: 'arg' }> | null {
  for (let cur: TagExpr = e, hops = 0; hops < 8; hops++) {
    if (cur.k === 'arg') return cur;
    if (cur.k !== 'prop' && cur.k !== 'call' && cur.k !== 'param') return null;
    cur = cur.of;
  }
  return null;
}

/** The chain with its `arg` placeholder replaced by what a caller passes. */
function withRoot(e: TagExpr, root: TagExpr): TagExpr {
  if (e.k === 'arg') return root;
  if (e.k === 'prop' || e.k === 'call' || e.k === 'param') return { ...e, of: withRoot(e.of, root) };
  return e;
}
