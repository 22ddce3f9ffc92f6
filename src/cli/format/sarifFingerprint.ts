// `partialFingerprints` that follow a result across runs. A hash of the rule id, the repository-relative path,
// the text of the result's line with whitespace collapsed, and the channel, so an unrelated edit that moves
// the line keeps the alert, while editing the flagged line itself makes a new one. Identical lines in one file
// are told apart by their order (`:2`, `:3`), as GitHub's own line hashes are.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const FINGERPRINT_KEY = 'eventArchitect/v1';

/** The text of a 1-based line of `file` (POSIX, relative to root `root`); undefined when unreadable. */
export type LineText = (root: number, file: string, line: number) => string | undefined;

const CACHED_FILES = 16;

/**
 * Reads lines from disk, keeping the last few files' lines (results come grouped by file) and remembering
 * which files could not be read, so a log of detections in files gone since the analysis stays fast.
 */
export function diskLineText(roots: readonly string[]): LineText {
  const cache = new Map<string, string[]>();
  const unreadable = new Set<string>();
  return (root, file, line) => {
    const key = `${root}\u0000${file}`;
    if (unreadable.has(key)) return undefined;
    let lines = cache.get(key);
    if (lines === undefined) {
      const base = roots[root];
      try {
        if (base === undefined) throw new Error('no root');
        lines = readFileSync(path.join(base, ...file.split('/')), 'utf8').split(/\r?\n/);
      } catch {
        unreadable.add(key);
        return undefined;
      }
      if (cache.size >= CACHED_FILES) cache.delete(cache.keys().next().value as string);
      cache.set(key, lines);
    }
    return lines[line - 1];
  };
}

export function normalizeLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Counts repeats of a key within one file; forgets the previous file's keys when the file changes. */
export class Fingerprints {
  private file = '';
  private seen = new Map<string, number>();

  constructor(private readonly lineText: LineText) {}

  /** `uri`: the repository-relative path; `root`/`file`/`line` locate the text. */
  of(ruleId: string, uri: string, root: number, file: string, line: number, channel: string, fallback: string): Record<string, string> {
    if (uri !== this.file) {
      this.file = uri;
      this.seen = new Map();
    }
    const text = this.lineText(root, file, line);
    const hash = createHash('sha256')
      .update([ruleId, uri, text === undefined ? `message:${fallback}` : normalizeLine(text), channel].join('\u0000'))
      .digest('hex')
      .slice(0, 32);
    const n = (this.seen.get(hash) ?? 0) + 1;
    this.seen.set(hash, n);
    return { [FINGERPRINT_KEY]: `${hash}:${n}` };
  }
}
