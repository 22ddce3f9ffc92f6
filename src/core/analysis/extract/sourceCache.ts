// The last few edited files' syntax trees, so a re-parse after a local edit is incremental:
// `ts.updateSourceFile` re-scans only the changed range and reuses the unchanged nodes, which for a
// one-line edit of a 2,000-line file costs a fraction of a full parse. Only files parsed again after the
// cold run go through here (the cold run would otherwise keep hundreds of trees alive).
import type ts from 'typescript';

/**
 * Text held by all cached trees together, in characters: a tree costs tens of bytes per character, so a few
 * files near the 1 MB size cap would otherwise keep 100+ MB alive in the worker.
 */
const MAX_CACHED_CHARS = 1_500_000;

/** Largest changed share of the text that is still re-parsed incrementally. */
const LOCAL_EDIT_SHARE = 0.2;

/** The changed range between two texts, from their common prefix and suffix. */
export function changeRange(tsApi: typeof ts, oldText: string, newText: string): ts.TextChangeRange {
  const max = Math.min(oldText.length, newText.length);
  let start = 0;
  while (start < max && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  let tail = 0;
  // The suffix may not overlap the prefix in either text.
  while (tail < max - start && oldText.charCodeAt(oldText.length - 1 - tail) === newText.charCodeAt(newText.length - 1 - tail)) tail++;
  return tsApi.createTextChangeRange(tsApi.createTextSpan(start, oldText.length - start - tail), newText.length - start - tail);
}

/** A small LRU of syntax trees keyed by file path. */
export class SourceFileCache {
  private readonly trees = new Map<string, ts.SourceFile>();

  constructor(private readonly capacity = 3) {}

  /**
   * The tree of `text`: updated incrementally from the cached tree of the same file when there is one,
   * else created by `create`. A cached tree is consumed by the update (TypeScript reuses its nodes), so it
   * leaves the cache until the new tree is stored back.
   */
  parse(tsApi: typeof ts, file: string, text: string, create: () => ts.SourceFile): ts.SourceFile {
    const old = this.trees.get(file);
    this.trees.delete(file);
    let sf: ts.SourceFile | null = null;
    if (old && old.text === text) sf = old;
    else if (old) {
      const range = changeRange(tsApi, old.text, text);
      // A wide change (a rewrite, a reformat) reuses little and costs the incremental parser more than a
      // fresh parse (measured: 2.6x on a rewritten 2,000-line file), so only local edits go incremental.
      if (range.span.length + range.newLength <= text.length * LOCAL_EDIT_SHARE) sf = tsApi.updateSourceFile(old, text, range);
    }
    sf ??= create();
    this.trees.set(file, sf);
    let chars = 0;
    for (const t of this.trees.values()) chars += t.text.length;
    // Oldest first; the tree just stored stays (it is the one the next keystroke will update).
    for (const [oldest, t] of this.trees) {
      if (this.trees.size <= 1 || (this.trees.size <= this.capacity && chars <= MAX_CACHED_CHARS)) break;
      this.trees.delete(oldest);
      chars -= t.text.length;
    }
    return sf;
  }

  /** Drops a file's tree (its parse failed, or the file is gone). */
  forget(file: string): void {
    this.trees.delete(file);
  }
}
