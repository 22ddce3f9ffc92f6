// Bare import specifiers that point into the workspace: tsconfig `paths` aliases (`@acme/contracts`,
// `@app/*`, `baseUrl`-relative imports) and npm/yarn/pnpm workspace packages imported by name
// (`@shop/shared/events`). Without them, a NestJS or Nx monorepo's shared topic constants stay unresolved.
// Returns candidate base paths; the engine applies its usual extension and index.* resolution to each.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

interface PathsConfig {
  /** Folder that `paths` targets are relative to (baseUrl, else the config's own folder). */
  base: string;
  baseUrl: string | null;
  paths: Record<string, string[]>;
}

const MAX_EXTENDS = 5;

export class ModuleAliases {
  private readonly configByDir = new Map<string, PathsConfig | null>();

  constructor(
    private readonly roots: readonly string[],
    /** Workspace packages: package.json path → its `name`. */
    private readonly packages: () => Iterable<[string, string | undefined]>,
    private readonly readText: (file: string) => string | null = readTextFile,
  ) {}

  /** Forget cached tsconfig lookups (a tsconfig or package.json changed). */
  invalidate(): void {
    this.configByDir.clear();
  }

  candidates(fromDir: string, spec: string): string[] {
    if (spec.startsWith('.') || path.isAbsolute(spec) || spec.startsWith('node:')) return [];
    const out: string[] = [];
    const config = this.configFor(fromDir);
    if (config) {
      for (const [pattern, targets] of Object.entries(config.paths)) {
        const star = matchPattern(pattern, spec);
        if (star === null) continue;
        for (const target of targets) out.push(path.resolve(config.base, target.replace('*', star)));
      }
      if (config.baseUrl) out.push(path.resolve(config.baseUrl, spec));
    }
    for (const [pkgJson, name] of this.packages()) {
      if (!name || (spec !== name && !spec.startsWith(`${name}/`))) continue;
      const dir = path.dirname(pkgJson);
      const sub = spec.slice(name.length + 1);
      if (sub) out.push(path.join(dir, sub), path.join(dir, 'src', sub));
      else out.push(path.join(dir, 'src', 'index'), dir);
    }
    return out;
  }

  /** The nearest tsconfig.json (or jsconfig.json) at or above `dir`, within a root, with `extends` followed. */
  private configFor(dir: string): PathsConfig | null {
    const cached = this.configByDir.get(dir);
    if (cached !== undefined) return cached;
    let found: PathsConfig | null = null;
    const inRoot = this.roots.some((r) => dir === r || dir.startsWith(r + path.sep));
    if (inRoot) {
      for (const name of ['tsconfig.json', 'jsconfig.json']) {
        const file = path.join(dir, name);
        if (fs.existsSync(file)) {
          found = this.load(file, 0);
          break;
        }
      }
      const parent = path.dirname(dir);
      if (!found && parent !== dir) found = this.configFor(parent);
    }
    this.configByDir.set(dir, found);
    return found;
  }

  private load(file: string, depth: number): PathsConfig | null {
    const text = this.readText(file);
    if (text === null) return null;
    const parsed = ts.parseConfigFileTextToJson(file, text);
    const json = parsed.config as { extends?: unknown; compilerOptions?: { baseUrl?: unknown; paths?: unknown } } | undefined;
    if (!json || typeof json !== 'object') return null;
    const dir = path.dirname(file);
    const parent =
      typeof json.extends === 'string' && json.extends.startsWith('.') && depth < MAX_EXTENDS
        ? this.load(path.resolve(dir, json.extends.endsWith('.json') ? json.extends : `${json.extends}.json`), depth + 1)
        : null;
    const options = json.compilerOptions ?? {};
    const baseUrl = typeof options.baseUrl === 'string' ? path.resolve(dir, options.baseUrl) : (parent?.baseUrl ?? null);
    const ownPaths = isPaths(options.paths) ? options.paths : null;
    if (!ownPaths && !parent && !baseUrl) return null;
    return {
      // `paths` are relative to baseUrl when set, else to the config that declares them.
      base: baseUrl ?? (ownPaths ? dir : (parent?.base ?? dir)),
      baseUrl,
      paths: ownPaths ?? parent?.paths ?? {},
    };
  }
}

/** `@app/*` against `@app/events` → `events`; an exact pattern → ''; no match → null. */
export function matchPattern(pattern: string, spec: string): string | null {
  const star = pattern.indexOf('*');
  if (star < 0) return pattern === spec ? '' : null;
  const prefix = pattern.slice(0, star);
  const suffix = pattern.slice(star + 1);
  if (spec.length < prefix.length + suffix.length || !spec.startsWith(prefix) || !spec.endsWith(suffix)) return null;
  return spec.slice(prefix.length, spec.length - suffix.length);
}

function isPaths(value: unknown): value is Record<string, string[]> {
  return !!value && typeof value === 'object' && Object.values(value).every((v) => Array.isArray(v) && v.every((t) => typeof t === 'string'));
}

function readTextFile(file: string): string | null {
  try {
    const stat = fs.statSync(file);
    return stat.size > 1024 * 1024 ? null : fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
