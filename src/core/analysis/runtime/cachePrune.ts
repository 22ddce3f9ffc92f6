// Keeps a cache folder from growing without end. An index cache is one file per set of roots and settings
// (persistentCache.ts); a folder collects others over time: written by an older analyzer (every update of
// the extension), for settings no longer used, for workspaces that are gone (the CLI's `--cache DIR` may
// serve many), and temp files of a writer that died before its rename. After each session's first save,
// the files of the folder that can no longer answer are removed, then the oldest until the folder fits
// its budget. The file just written is never removed; a file another window is writing is a temp file
// younger than TEMP_GRACE_MS, left alone.
import fs from 'node:fs';
import path from 'node:path';

/** Budget of one cache folder; past it, the least recently written files go first. */
export const CACHE_DIR_BUDGET_BYTES = 256 * 1024 * 1024;
/** A file not written for this long belongs to a workspace or setting nobody opens any more. */
export const STALE_AFTER_MS = 30 * 24 * 3600 * 1000;
/** A temp file older than this is a dead writer's (a live one renames it within seconds). */
const TEMP_GRACE_MS = 3600 * 1000;
const CACHE_FILE = /^index-[0-9a-f]+\.eacache$/;
const TEMP_FILE = /^index-[0-9a-f]+\.ea(cache|findings)\.\d+\.[0-9a-f]+\.tmp$/;
/** The CLI's saved rule findings that go with a cache file (src/cli/findingsCache.ts): kept while it is. */
const FINDINGS_FILE = /^index-[0-9a-f]+\.eafindings$/;

export interface PruneOptions {
  /** The analyzer version of the running analyzer: a cache of another one can never be used. */
  analyzerVersion: string;
  /** Reads a cache file's analyzer version and roots (persistentCache.ts `readCacheHeader`); null when unreadable. */
  readHeader: (file: string) => { analyzerVersion: string; roots: string[] } | null;
  budgetBytes?: number;
  now?: number;
}

/** Removes what `keep`'s folder holds besides caches that may still answer; returns the names removed. */
export function pruneCacheDir(keep: string, opts: PruneOptions): string[] {
  const dir = path.dirname(keep);
  const now = opts.now ?? Date.now();
  const removed: string[] = [];
  const remove = (name: string): void => {
    try {
      fs.rmSync(path.join(dir, name), { force: true });
      removed.push(name);
    } catch {
      // another process removed or holds it: the next prune tries again
    }
  };
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return removed;
  }
  const live: { name: string; bytes: number; mtimeMs: number }[] = [];
  for (const name of names) {
    const isCache = CACHE_FILE.test(name);
    if (!isCache && !TEMP_FILE.test(name)) continue; // not ours
    const file = path.join(dir, name);
    const st = fs.statSync(file, { throwIfNoEntry: false });
    if (!st?.isFile()) continue;
    if (!isCache) {
      if (now - st.mtimeMs > TEMP_GRACE_MS) remove(name);
      continue;
    }
    if (file === keep) continue;
    const header = opts.readHeader(file);
    const gone = header !== null && header.roots.length > 0 && header.roots.every((r) => !fs.existsSync(r));
    if (header === null || header.analyzerVersion !== opts.analyzerVersion || gone || now - st.mtimeMs > STALE_AFTER_MS) remove(name);
    else live.push({ name, bytes: st.size, mtimeMs: st.mtimeMs });
  }
  const keptBytes = fs.statSync(keep, { throwIfNoEntry: false })?.size ?? 0;
  let total = keptBytes + live.reduce((n, f) => n + f.bytes, 0);
  const budget = opts.budgetBytes ?? CACHE_DIR_BUDGET_BYTES;
  for (const f of live.sort((a, b) => a.mtimeMs - b.mtimeMs)) {
    if (total <= budget) break;
    remove(f.name);
    total -= f.bytes;
  }
  // Findings whose index cache is gone (or never was) can never be used.
  const left = new Set(live.map((f) => f.name).filter((n) => !removed.includes(n)).concat(path.basename(keep)));
  for (const name of names) {
    if (FINDINGS_FILE.test(name) && !left.has(name.replace(/\.eafindings$/, '.eacache'))) remove(name);
  }
  return removed;
}
