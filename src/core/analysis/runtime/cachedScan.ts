// The scan of a workspace that has a persistent cache: a file whose size and mtime match its entry takes
// the entry's results without being opened (deserialized when first asked for: cachedFileState.ts); any
// other file is read, and when its bytes hash the same as the entry (a branch switched away and back, a
// touch, a copy) it keeps the entry's facts without a parse.
import type { DiscoveredFile } from '../discovery/walk';
import { throwIfAborted } from '../discovery/walk';
import type { FileState } from './fileState';
import { readFileState } from './fileState';
import { CachedFileState } from './cachedFileState';
import type { LoadedCache } from './persistentCache';
import { entryKey, stateFromStat } from './persistentCache';

/** Longest stretch of reading between two yields to the event loop (cancellation, worker messages). */
const YIELD_EVERY_MS = 8;

export interface CachedScanResult {
  states: FileState[];
  /** Taken from the cache on size + mtime, without opening the file. */
  unchanged: number;
  /** Read, and found identical by hash: the cached facts were kept. */
  sameContent: number;
  /** Read because new or changed. */
  read: number;
  /** Cached files no longer in the workspace. */
  gone: number;
}

export async function cachedScan(
  files: DiscoveredFile[],
  cache: LoadedCache,
  maxBytes: number,
  signal: AbortSignal | undefined,
  onProgress?: (done: number, total: number) => void,
): Promise<CachedScanResult> {
  const out: CachedScanResult = { states: [], unchanged: 0, sameContent: 0, read: 0, gone: 0 };
  const seen = new Set<string>();
  let lastYield = performance.now();
  for (let i = 0; i < files.length; i++) {
    const rec = files[i];
    if (!rec) continue;
    const key = entryKey(rec.rootIndex, rec.rel);
    seen.add(key);
    const entry = cache.entries.get(key);
    const hit = stateFromStat(entry, rec, cache.savedAtMs);
    if (hit) {
      out.states.push(new CachedFileState(rec, hit, maxBytes));
      out.unchanged++;
    } else {
      const st = readFileState(rec, null, maxBytes, true);
      if (entry && st.hash !== undefined && st.hash === entry.hash && entry.kind === rec.kind) {
        // Same bytes: everything derived from them is the same; the entry also has the facts and names.
        out.states.push(new CachedFileState(rec, entry, maxBytes));
        out.sameContent++;
      } else {
        out.states.push(st);
        out.read++;
      }
    }
    if (performance.now() - lastYield > YIELD_EVERY_MS) {
      throwIfAborted(signal);
      onProgress?.(i + 1, files.length);
      await new Promise((r) => setImmediate(r));
      lastYield = performance.now();
    }
  }
  for (const key of cache.entries.keys()) if (!seen.has(key)) out.gone++;
  onProgress?.(files.length, files.length);
  return out;
}
