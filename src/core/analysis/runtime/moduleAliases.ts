// Bare import specifiers that point into the workspace: tsconfig `paths` aliases (`@acme/contracts`,
// `@app/*`, `baseUrl`-relative imports) and npm/yarn/pnpm workspace packages imported by name
// (`@shop/shared/events`). Without them, a NestJS or Nx monorepo's shared topic constants stay unresolved.
// Frameworks also alias without a tsconfig entry: SvelteKit `$lib` (→ src/lib), Remix `~/` (→ app/), Nuxt
// `~/` and `@/` (→ the project's folder). Returns candidate base paths; the engine applies its usual
// extension and index.* resolution to each.
import fs from 'node:fs';
import path from 'node:path';
import { typescript } from './typescriptLoader';
import { parseJsonWithComments } from './jsonWithComments';

interface PathsConfig {
  /** Folder that `paths` targets are relative to (baseUrl, else the config's own folder). */
  base: string;
  baseUrl: string | null;
  paths: Record<string, string[]>;
}

const MAX_EXTENDS = 5;

export class ModuleAliases {
  private readonly configByDir = new Map<string, PathsConfig | null>();
  private readonly frameworkByDir = new Map<string, FrameworkAlias[]>();

  constructor(
    private readonly roots: readonly string[],
    /** Workspace packages: package.json path → its `name`. */
    private readonly packages: () => Iterable<[string, string | undefined]>,
    private readonly readText: (file: string) => string | null = readTextFile,
    private readonly exists: (file: string) => boolean = fs.existsSync,
  ) {}

  /** Forget cached tsconfig lookups (a tsconfig or package.json changed). */
  invalidate(): void {
    this.configByDir.clear();
    this.frameworkByDir.clear();
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
    if (out.length === 0 && /^[$~@]/.test(spec)) {
      for (const alias of this.frameworkFor(fromDir)) {
        if (spec !== alias.prefix && !spec.startsWith(`${alias.prefix}/`)) continue;
        const rest = spec.slice(alias.prefix.length + 1);
        for (const dir of alias.dirs) out.push(rest ? path.join(dir, rest) : dir);
      }
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

  /** Framework aliases of the nearest package.json at or above `dir` (within a root). */
  private frameworkFor(dir: string): FrameworkAlias[] {
    const cached = this.frameworkByDir.get(dir);
    if (cached) return cached;
    let found: FrameworkAlias[] = [];
    const inRoot = this.roots.some((r) => dir === r || dir.startsWith(r + path.sep));
    if (inRoot) {
      const text = this.readText(path.join(dir, 'package.json'));
      const parent = path.dirname(dir);
      if (text !== null) found = frameworkAliases(dir, text);
      else if (parent !== dir) found = this.frameworkFor(parent);
    }
    this.frameworkByDir.set(dir, found);
    return found;
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
        if (this.exists(file)) {
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
    // Without the compiler when the text is plain JSON with comments (nearly always); its reader otherwise.
    const config = parseJsonWithComments(text) ?? typescript().parseConfigFileTextToJson(file, text).config;
    const json = config as { extends?: unknown; compilerOptions?: { baseUrl?: unknown; paths?: unknown } } | undefined;
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

interface FrameworkAlias {
  prefix: string;
  dirs: string[];
}

/** The aliases a framework defines without tsconfig `paths`, from the project's dependencies. */
export function frameworkAliases(dir: string, packageJson: string): FrameworkAlias[] {
  let deps: Record<string, unknown> = {};
  try {
    const json = JSON.parse(packageJson) as { dependencies?: unknown; devDependencies?: unknown };
    deps = { ...(json.dependencies as object | undefined), ...(json.devDependencies as object | undefined) };
  } catch {
    return [];
  }
  const has = (name: string): boolean => Object.prototype.hasOwnProperty.call(deps, name);
  const out: FrameworkAlias[] = [];
  if (has('@sveltejs/kit')) out.push({ prefix: '$lib', dirs: [path.join(dir, 'src', 'lib')] });
  if (Object.keys(deps).some((d) => d.startsWith('@remix-run/')) || has('@react-router/dev')) out.push({ prefix: '~', dirs: [path.join(dir, 'app')] });
  if (has('nuxt')) {
    // Nuxt 3 keeps sources at the project's root, Nuxt 4 under app/; `~~`/`@@` are always the root.
    for (const prefix of ['~', '@']) out.push({ prefix, dirs: [dir, path.join(dir, 'app')] });
    for (const prefix of ['~~', '@@']) out.push({ prefix, dirs: [dir] });
  }
  return out;
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
