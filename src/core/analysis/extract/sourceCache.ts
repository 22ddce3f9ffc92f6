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

interface Entry {
  text: string;
  /** Kept only while edits are local: after a wide change it is dropped (see `parse`). */
  tree: ts.SourceFile | null;
}

/** A small LRU of syntax trees keyed by file path. */
export class SourceFileCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly capacity = 3) {}

  /**
   * The tree of `text`: updated incrementally from the cached tree of the same file when there is one and
   * the edit is local, else created by `create`. A cached tree is consumed by the update (TypeScript reuses
   * its nodes), so it leaves the cache until the new tree is stored back.
   *
   * After a wide change (a rewrite, a reformat, a branch switch) only the text is kept: a tree that the
   * next wide change cannot reuse would survive young-generation collections for nothing (megabytes copied,
   * then promoted, per edit). The next local edit, found against the kept text, stores a tree again.
   */
  parse(tsApi: typeof ts, file: string, text: string, create: () => ts.SourceFile): ts.SourceFile {
    const old = this.entries.get(file);
    this.entries.delete(file);
    let sf: ts.SourceFile | null = null;
    let keepTree = true;
    if (old?.tree && old.text === text) sf = old.tree;
    else if (old) {
      const range = changeRange(tsApi, old.text, text);
      // A wide change reuses little and costs the incremental parser more than a fresh parse (measured:
      // 2.6x on a rewritten 2,000-line file), so only local edits go incremental.
      const local = range.span.length + range.newLength <= text.length * LOCAL_EDIT_SHARE;
      if (local && old.tree) sf = tsApi.updateSourceFile(old.tree, text, range);
      keepTree = local;
    }
    sf ??= create();
    this.entries.set(file, { text, tree: keepTree ? sf : null });
    let chars = 0;
    for (const e of this.entries.values()) chars += e.tree ? e.text.length : 0;
    // Oldest first; the entry just stored stays (it is the one the next keystroke will update).
    for (const [oldest, e] of this.entries) {
      if (this.entries.size <= 1 || (this.entries.size <= this.capacity && chars <= MAX_CACHED_CHARS)) break;
      this.entries.delete(oldest);
      chars -= e.tree ? e.text.length : 0;
    }
    return sf;
  }

  /** Drops a file's tree (its parse failed, or the file is gone). */
  forget(file: string): void {
    this.entries.delete(file);
  }

  /** Whether a file's tree is kept (for tests). */
  hasTree(file: string): boolean {
    return !!this.entries.get(file)?.tree;
  }
}
