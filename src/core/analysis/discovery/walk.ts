// File discovery over one or more roots: source, SQL, Prisma and package.json files; honours nested
// .gitignore files and excludes; never follows a symlink into a directory it has already visited.
import fs from 'node:fs';
import path from 'node:path';
import ignore from 'ignore';
import type { Ignore } from 'ignore';
import type { RootOptions, SkippedFile } from '../types';

export type FileKind = 'code' | 'sql' | 'prisma' | 'package';

export interface DiscoveredFile {
  abs: string;
  root: string;
  /** Index of `root` in the analysis's roots. */
  rootIndex: number;
  /** POSIX path relative to `root`. */
  rel: string;
  kind: FileKind;
  size: number;
  mtimeMs: number;
}

export const DEFAULT_EXCLUDES = ['node_modules', 'dist', 'build', 'out', 'coverage', '.next', '.git'];
// `.vue` and `.svelte` components are code too: only their `<script>` blocks are parsed (extract/sfc.ts).
export const CODE_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.vue', '.svelte']);

export function kindOf(file: string): FileKind | null {
  const base = path.basename(file);
  if (base === 'package.json') return 'package';
  const ext = path.extname(base).toLowerCase();
  if (base.endsWith('.d.ts') || base.endsWith('.d.mts') || base.endsWith('.d.cts')) return null;
  if (CODE_EXTENSIONS.has(ext)) return 'code';
  if (ext === '.sql') return 'sql';
  if (ext === '.prisma') return 'prisma';
  return null;
}

export interface WalkOptions {
  exclude?: string[];
  maxFileBytes: number;
  /** Per-root overrides of `exclude` and `maxFileBytes`, index-aligned with the roots. */
  perRoot?: RootOptions[];
  /**
   * false: regular files are not stat-ed here (size -1, mtime 0; the reader takes both from the open file
   * and applies the size cap itself), which saves a path lookup per file on a cold scan.
   */
  statFiles?: boolean;
  signal?: AbortSignal;
}

export interface WalkResult {
  files: DiscoveredFile[];
  skipped: SkippedFile[];
}

interface IgnoreLayer {
  /** The .gitignore's folder, relative to the root ('' for the root itself). */
  rel: string;
  ig: Ignore;
}

/** `relPath` (under the root) relative to a layer's folder, which is one of its ancestors. */
const relToLayer = (layer: IgnoreLayer, relPath: string): string => (layer.rel === '' ? relPath : relPath.slice(layer.rel.length + 1));

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    const err = new Error('Analysis cancelled');
    err.name = 'AbortError';
    throw err;
  }
}

export function makeExcluder(extra: string[] | undefined): Ignore {
  return ignore().add(DEFAULT_EXCLUDES.map((d) => `${d}/`)).add(extra ?? []);
}

export function walkRoots(roots: string[], opts: WalkOptions): WalkResult {
  const files: DiscoveredFile[] = [];
  const skipped: SkippedFile[] = [];
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  const sharedExcluder = makeExcluder(opts.exclude);
  for (const [rootIndex, rootIn] of roots.entries()) {
    const own = opts.perRoot?.[rootIndex];
    const excluder = own?.exclude ? makeExcluder(own.exclude) : sharedExcluder;
    // The default excludes name folders only, and the walk never enters an excluded folder: without
    // excludes of the user's, no file can match, and testing every file's path was a tenth of a warm start.
    const excludesFiles = (own?.exclude ?? opts.exclude ?? []).length > 0;
    const maxFileBytes = own?.maxFileBytes ?? opts.maxFileBytes;
    const root = path.resolve(rootIn);
    let rootReal: string;
    try {
      rootReal = fs.realpathSync.native(root);
    } catch {
      skipped.push({ root: rootIndex, file: root, reason: 'unreadable', detail: 'root does not exist or cannot be read' });
      continue;
    }
    // Paths are built by concatenation (this loop runs once per entry of the workspace: path.join and
    // path.relative were a quarter of a warm start's walk).
    const rootPrefix = root.endsWith(path.sep) ? root : root + path.sep;
    const stack: { dir: string; rel: string; real: string; layers: IgnoreLayer[] }[] = [{ dir: root, rel: '', real: rootReal, layers: [] }];
    seenDirs.add(rootReal);
    while (stack.length) {
      throwIfAborted(opts.signal);
      const cur = stack.pop();
      if (!cur) break;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(cur.dir, { withFileTypes: true });
      } catch (e) {
        skipped.push({ root: rootIndex, file: cur.rel || '.', reason: 'unreadable', detail: (e as Error).message });
        continue;
      }
      const layers = [...cur.layers];
      if (entries.some((e) => e.name === '.gitignore' && (e.isFile() || e.isSymbolicLink()))) {
        try {
          layers.push({ rel: cur.rel, ig: ignore().add(fs.readFileSync(path.join(cur.dir, '.gitignore'), 'utf8')) });
        } catch {
          // An unreadable .gitignore only means nothing extra is ignored.
        }
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const dirPrefix = cur.rel === '' ? rootPrefix : cur.dir + path.sep;
      for (const ent of entries) {
        let isDir = ent.isDirectory();
        let isFile = ent.isFile();
        // Files the analysis does not read are passed over before any path is built or pattern tested.
        const kind = isFile ? kindOf(ent.name) : null;
        if (isFile && !kind) continue;
        const abs = dirPrefix + ent.name;
        const relPath = cur.rel === '' ? ent.name : `${cur.rel}/${ent.name}`;
        if (ent.isSymbolicLink()) {
          try {
            const st = fs.statSync(abs);
            isDir = st.isDirectory();
            isFile = st.isFile();
          } catch {
            skipped.push({ root: rootIndex, file: relPath, reason: 'unreadable', detail: 'broken symbolic link' });
            continue;
          }
        }
        if (!isDir && !isFile) continue;
        if (((isDir || excludesFiles) && isIgnored(excluder, relPath, isDir)) || layers.some((l) => isIgnored(l.ig, relToLayer(l, relPath), isDir))) continue;
        if (isDir) {
          let real: string;
          try {
            real = fs.realpathSync.native(abs);
          } catch {
            continue;
          }
          if (seenDirs.has(real)) {
            if (ent.isSymbolicLink()) skipped.push({ root: rootIndex, file: relPath, reason: 'symlink-loop', detail: `symbolic link to an already visited directory (${real})` });
            continue;
          }
          seenDirs.add(real);
          stack.push({ dir: abs, rel: relPath, real, layers });
          continue;
        }
        const fileKind = kind ?? kindOf(ent.name);
        if (!fileKind) continue;
        if (opts.statFiles === false && !ent.isSymbolicLink()) {
          if (seenFiles.has(abs)) continue;
          seenFiles.add(abs);
          files.push({ abs, root, rootIndex, rel: relPath, kind: fileKind, size: -1, mtimeMs: 0 });
          continue;
        }
        let st: fs.Stats;
        let real = abs;
        try {
          st = fs.statSync(abs);
          if (ent.isSymbolicLink()) real = fs.realpathSync.native(abs);
        } catch (e) {
          skipped.push({ root: rootIndex, file: relPath, reason: 'unreadable', detail: (e as Error).message });
          continue;
        }
        if (seenFiles.has(real)) continue;
        seenFiles.add(real);
        if (st.size > maxFileBytes && fileKind !== 'package') {
          skipped.push({ root: rootIndex, file: relPath, reason: 'too-large', detail: `${formatBytes(st.size)} > ${formatBytes(maxFileBytes)} cap` });
          continue;
        }
        files.push({ abs, root, rootIndex, rel: relPath, kind: fileKind, size: st.size, mtimeMs: st.mtimeMs });
      }
    }
  }
  return { files, skipped };
}

function isIgnored(ig: Ignore, relPath: string, isDir: boolean): boolean {
  if (!relPath || relPath.startsWith('..')) return false;
  return ig.ignores(isDir ? `${relPath}/` : relPath);
}

export function rel(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}
