// Module specifiers → workspace files, as Node and TypeScript resolve them over the engine's file set:
// relative paths with extensions and index files, `.js` written for a `.ts` source, package folders through
// their `exports`/`main` entry, and bare specifiers that are the workspace's own (tsconfig `paths`,
// framework aliases, workspace packages by name; see moduleAliases.ts). Libraries resolve to null.
import path from 'node:path';
import type { FileState } from './fileState';
import type { ModuleAliases } from './moduleAliases';

const RESOLVE_EXTS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

export class ModuleResolution {
  /** Per directory + specifier: the file set only changes through `invalidate()`. */
  private cache = new Map<string, string | null>();

  constructor(
    private readonly states: ReadonlyMap<string, FileState>,
    private readonly aliases: ModuleAliases,
  ) {}

  /** packageAt per directory + specifier (asked for every relative import of every file). */
  private packages = new Map<string, string | null>();

  invalidate(): void {
    this.cache = new Map();
    this.packages = new Map();
  }

  resolveModule(fromFile: string, spec: string): string | null {
    return this.resolveFromDir(path.dirname(fromFile), spec);
  }

  resolveFromDir(dir: string, spec: string): string | null {
    const key = `${dir}\u0000${spec}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const resolved = this.resolveUncached(dir, spec);
    this.cache.set(key, resolved);
    return resolved;
  }

  /** The package a relative specifier names when it points at a package's folder, by its `name`. */
  packageAt(fromFile: string, spec: string): string | null {
    if (!spec.startsWith('.')) return null;
    const dir = path.dirname(fromFile);
    const key = `${dir}\u0000${spec}`;
    let name = this.packages.get(key);
    if (name === undefined) {
      name = this.states.get(path.join(path.resolve(dir, spec), 'package.json'))?.pkg?.name ?? null;
      this.packages.set(key, name);
    }
    return name;
  }

  private resolveUncached(dir: string, spec: string): string | null {
    const relative = spec.startsWith('.') || path.isAbsolute(spec);
    if (relative) return this.resolveBase(path.resolve(dir, spec));
    // A bare specifier: a tsconfig `paths` alias or a workspace package, else a library (null).
    for (const candidate of this.aliases.candidates(dir, spec)) {
      const hit = this.resolveBase(candidate);
      if (hit) return hit;
    }
    return null;
  }

  private has(p: string): boolean {
    const s = this.states.get(p);
    return !!s && s.rec.kind === 'code';
  }

  private resolveBase(base: string, depth = 0): string | null {
    if (this.has(base)) return base;
    for (const ext of RESOLVE_EXTS) if (this.has(base + ext)) return base + ext;
    const m = /\.(m|c)?jsx?$/.exec(base);
    if (m) {
      const stem = base.slice(0, base.length - m[0].length);
      for (const ext of m[1] === 'm' ? ['.mts', '.ts'] : m[1] === 'c' ? ['.cts', '.ts'] : ['.ts', '.tsx']) if (this.has(stem + ext)) return stem + ext;
    }
    // A package folder (`require('../')` in a package's own examples, a workspace package by name) loads
    // its `exports`/`main` entry, as Node resolves it, before an index file.
    const entry = depth === 0 ? this.states.get(path.join(base, 'package.json'))?.pkg?.entry : undefined;
    if (entry) {
      const hit = this.resolveBase(path.resolve(base, entry), depth + 1);
      if (hit) return hit;
    }
    for (const ext of RESOLVE_EXTS) if (this.has(path.join(base, `index${ext}`))) return path.join(base, `index${ext}`);
    return null;
  }
}
