// Where a service lives and how it is laid out: the nearest package.json of a file, its source folder,
// and the file-naming convention of its modules, so generated files look like the user's own.
import path from 'node:path';
import type { PlacementFs } from './fs';

export type Naming = 'camel' | 'kebab' | 'snake';

export interface ServiceLayout {
  /** Folder holding the nearest package.json (or the workspace root when there is none). */
  root: string;
  /** Where modules go: `<root>/src` when it exists, else the root. */
  sourceDir: string;
  naming: Naming;
  /** Relative imports end in `.js` (NodeNext style) or carry no extension. */
  importExtension: '.js' | '';
  /** npm packages of the service's package.json. */
  libraries: Set<string>;
}

/** The folder of the nearest package.json at or above `file`'s folder, never above `workspaceRoot`. */
export function serviceRootOf(fsv: PlacementFs, file: string, workspaceRoot: string): string {
  const stop = path.resolve(workspaceRoot);
  let dir = path.resolve(path.dirname(file));
  if (!isInside(dir, stop)) return stop;
  for (;;) {
    if (fsv.read(path.join(dir, 'package.json')) !== undefined) return dir;
    if (dir === stop) return stop;
    const up = path.dirname(dir);
    if (up === dir) return stop;
    dir = up;
  }
}

export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export function layoutOf(fsv: PlacementFs, root: string): ServiceLayout {
  const src = path.join(root, 'src');
  const sourceDir = fsv.list(src) ? src : root;
  const modules = moduleFiles(fsv, sourceDir, 2);
  return { root, sourceDir, naming: namingOf(modules.map((m) => path.basename(m))), importExtension: importStyleOf(fsv, modules), libraries: librariesOf(fsv, root) };
}

function moduleFiles(fsv: PlacementFs, dir: string, depth: number): string[] {
  const out: string[] = [];
  for (const e of fsv.list(dir) ?? []) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.dir) {
      if (depth > 0) out.push(...moduleFiles(fsv, p, depth - 1));
    } else if (/\.(ts|tsx|mts|cts)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
    if (out.length >= 40) break;
  }
  return out;
}

/** The convention most multi-word module names follow; camelCase when none has several words. */
export function namingOf(names: readonly string[]): Naming {
  let kebab = 0;
  let snake = 0;
  let camel = 0;
  for (const n of names) {
    const stem = n.replace(/\.[^.]+$/, '').replace(/\.(test|spec|d)$/, '');
    if (/^[a-z0-9]+(-[a-z0-9]+)+$/.test(stem)) kebab++;
    else if (/^[a-z0-9]+(_[a-z0-9]+)+$/.test(stem)) snake++;
    else if (/^[a-z][a-z0-9]*[A-Z]/.test(stem)) camel++;
  }
  if (kebab > camel && kebab >= snake) return 'kebab';
  if (snake > camel && snake > kebab) return 'snake';
  return 'camel';
}

/** `postgresOutboxStore` in the service's convention. */
export function nameIn(naming: Naming, camelStem: string): string {
  if (naming === 'camel') return camelStem;
  const words = camelStem.split(/(?<=[a-z0-9])(?=[A-Z])/).map((w) => w.toLowerCase());
  return words.join(naming === 'kebab' ? '-' : '_');
}

function importStyleOf(fsv: PlacementFs, modules: readonly string[]): '.js' | '' {
  let js = 0;
  let bare = 0;
  for (const m of modules.slice(0, 20)) {
    for (const [, spec] of (fsv.read(m) ?? '').matchAll(/from\s+['"](\.{1,2}\/[^'"]+)['"]/g)) {
      if (/\.(js|mjs|cjs)$/.test(spec ?? '')) js++;
      else if (!/\.[a-z]+$/.test(spec ?? '')) bare++;
    }
  }
  return js > bare ? '.js' : '';
}

export function librariesOf(fsv: PlacementFs, root: string): Set<string> {
  const libraries = new Set<string>();
  try {
    const manifest = JSON.parse(fsv.read(path.join(root, 'package.json')) ?? '{}') as Record<string, unknown>;
    for (const key of ['dependencies', 'devDependencies', 'peerDependencies']) {
      const deps = manifest[key];
      if (deps && typeof deps === 'object') for (const name of Object.keys(deps)) libraries.add(name);
    }
  } catch {
    // An unreadable manifest prefers nothing.
  }
  return libraries;
}

/** `base` if free, else `base2`, `base3`… (the stem before the extension gets the number). */
export function freeName(taken: (absPath: string) => boolean, absPath: string): string {
  if (!taken(absPath)) return absPath;
  const ext = path.extname(absPath);
  const stem = absPath.slice(0, absPath.length - ext.length);
  for (let i = 2; i < 1000; i++) {
    const candidate = `${stem}${i}${ext}`;
    if (!taken(candidate)) return candidate;
  }
  throw new Error(`No free name near ${absPath}`);
}
