// The folder SARIF paths are relative to. GitHub code scanning resolves `artifactLocation.uri` against the
// repository checkout, so a path relative to the analysed folder (`src/x.ts` for `services/orders`) points
// at the wrong file. The base is `--base DIR` when given, else the nearest ancestor holding `.git` (a folder,
// or a file in worktrees and submodules), else the analysed root itself.
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The nearest folder at or above `dir` that holds `.git`; undefined outside any repository. */
export function findRepositoryRoot(dir: string): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    if (existsSync(path.join(current, '.git'))) return current;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** Whether `dir` is `base` or lies inside it. */
export function isInside(base: string, dir: string): boolean {
  const rel = path.relative(base, dir);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * The base of each root (same order): `base` when the root lies inside it, else the root's repository,
 * else the root. A root outside `--base` keeps itself as base rather than a `../` path no viewer resolves.
 */
export function sarifBases(roots: readonly string[], base?: string): string[] {
  return roots.map((root) => {
    const candidate = base !== undefined ? path.resolve(base) : findRepositoryRoot(root);
    return candidate !== undefined && isInside(candidate, root) ? candidate : root;
  });
}
