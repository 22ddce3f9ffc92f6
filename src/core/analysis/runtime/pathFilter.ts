// Which paths the incremental analyzer accepts: under a root, not excluded by the defaults or options, not
// ignored by any .gitignore between the root and the file (the same rules the cold walk applies).
import fs from 'node:fs';
import path from 'node:path';
import ignore from 'ignore';
import type { Ignore } from 'ignore';
import { rel } from '../discovery/walk';

export class PathFilter {
  private readonly gitignoreCache = new Map<string, Ignore | null>();

  constructor(
    private readonly roots: string[],
    private readonly excluder: Ignore,
    /** A root's own excluder (its folder's settings), index-aligned with `roots`; else `excluder`. */
    private readonly rootExcluders: readonly (Ignore | undefined)[] = [],
  ) {}

  /** A .gitignore changed: forget the cached ones. */
  clearGitignores(): void {
    this.gitignoreCache.clear();
  }

  rootOf(abs: string): string | null {
    let best: string | null = null;
    for (const r of this.roots) if ((abs === r || abs.startsWith(r + path.sep)) && (!best || r.length > best.length)) best = r;
    return best;
  }

  private gitignoreOf(dir: string): Ignore | null {
    if (this.gitignoreCache.has(dir)) return this.gitignoreCache.get(dir) ?? null;
    let ig: Ignore | null;
    try {
      ig = ignore().add(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8'));
    } catch {
      ig = null;
    }
    this.gitignoreCache.set(dir, ig);
    return ig;
  }

  /** Is a path excluded by the defaults, options or any .gitignore between its root and it? */
  isIgnored(abs: string): boolean {
    const root = this.rootOf(abs);
    if (!root) return true;
    const relPath = rel(root, abs);
    const parts = relPath.split('/');
    const excluder = this.rootExcluders[this.roots.indexOf(root)] ?? this.excluder;
    for (let i = 1; i <= parts.length; i++) {
      const isDir = i < parts.length;
      const sub = parts.slice(0, i).join('/');
      if (excluder.ignores(isDir ? `${sub}/` : sub)) return true;
    }
    let dir = root;
    for (let i = 0; i < parts.length; i++) {
      const ig = this.gitignoreOf(dir);
      if (ig) {
        const restParts = parts.slice(i);
        for (let j = 1; j <= restParts.length; j++) {
          const isDir = j < restParts.length;
          const sub = restParts.slice(0, j).join('/');
          if (ig.ignores(isDir ? `${sub}/` : sub)) return true;
        }
      }
      dir = path.join(dir, parts[i] ?? '');
    }
    return false;
  }
}
