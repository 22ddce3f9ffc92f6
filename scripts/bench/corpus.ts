// Builds the benchmark corpus described by ../shared/bench/corpus-packages.txt: each listed package is
// fetched once with `npm pack` (the registry is the only network this project may use), unpacked, and the
// source files of the listed folders are copied into one plain tree, one top folder per package. The tree is
// reused when present, so only the first `npm run bench` pays the download.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface CorpusEntry {
  spec: string;
  folders: string[];
}

export interface CorpusStats {
  files: number;
  bytes: number;
  lines: number;
}

const SOURCE_EXT = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const DECLARATION = /\.d\.(ts|mts|cts)$/;
const EXCLUDED_DIRS = new Set(['node_modules', 'browser', '__tests__', 'test', 'tests']);
/** Written last, so a half-built tree (interrupted download) is never mistaken for a finished one. */
const DONE_MARKER = '.corpus-complete.json';

export function parseCorpusList(text: string): CorpusEntry[] {
  const entries: CorpusEntry[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [spec, ...folders] = line.split(/\s+/);
    if (!spec || folders.length === 0) throw new Error(`corpus list: malformed line "${line}"`);
    entries.push({ spec, folders });
  }
  return entries;
}

/** Folder name of a package in the tree: `@trpc/server@11.25.2` → `trpc__server`. */
export function packageFolderName(spec: string): string {
  const at = spec.lastIndexOf('@');
  const name = at > 0 ? spec.slice(0, at) : spec;
  return name.replace(/^@/, '').replace(/\//g, '__');
}

/** The corpus rule for minified-like files: a line over 5000 chars or a mean line length over 250. */
export function isMinifiedLike(text: string): boolean {
  const lines = text.split('\n');
  let total = 0;
  for (const line of lines) {
    if (line.length > 5000) return true;
    total += line.length;
  }
  return lines.length > 0 && total / lines.length > 250;
}

export function isCorpusSourceFile(name: string): boolean {
  return SOURCE_EXT.test(name) && !DECLARATION.test(name) && !name.endsWith('.min.js');
}

/** Lines as an editor counts them: a trailing newline does not start another line. */
export function countLines(text: string): number {
  if (text.length === 0) return 0;
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n - 1 : n;
}

function copySources(from: string, to: string, stats: CorpusStats): void {
  if (!existsSync(from)) return;
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    if (entry.isDirectory()) {
      if (!EXCLUDED_DIRS.has(entry.name)) copySources(src, path.join(to, entry.name), stats);
      continue;
    }
    if (!entry.isFile() || !isCorpusSourceFile(entry.name)) continue;
    const text = readFileSync(src, 'utf8');
    if (isMinifiedLike(text)) continue;
    mkdirSync(to, { recursive: true });
    copyFileSync(src, path.join(to, entry.name));
    stats.files++;
    stats.bytes += statSync(src).size;
    stats.lines += countLines(text);
  }
}

function packTarball(spec: string, tarballDir: string, log: (msg: string) => void): string {
  // Without --json: npm prints the tarball's file name as the last stdout line (the JSON lists every file
  // of the package, megabytes for viem).
  const out = execFileSync('npm', ['pack', spec, '--pack-destination', tarballDir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const filename = out.trim().split('\n').pop()?.trim();
  if (!filename || !filename.endsWith('.tgz')) throw new Error(`npm pack ${spec}: no tarball reported`);
  log(`  packed ${spec}`);
  // npm names scoped tarballs `scope-name-1.0.0.tgz`; keep npm's name, it is unique per spec.
  return path.join(tarballDir, filename);
}

export function corpusIsBuilt(corpusDir: string): boolean {
  return existsSync(path.join(corpusDir, DONE_MARKER));
}

/** Builds the tree into `corpusDir` unless it is already complete; returns the copy-time statistics. */
export function buildCorpus(listFile: string, corpusDir: string, tarballDir: string, log: (msg: string) => void): CorpusStats {
  if (corpusIsBuilt(corpusDir)) {
    return JSON.parse(readFileSync(path.join(corpusDir, DONE_MARKER), 'utf8')) as CorpusStats;
  }
  const entries = parseCorpusList(readFileSync(listFile, 'utf8'));
  mkdirSync(tarballDir, { recursive: true });
  const staging = `${corpusDir}.partial`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const stats: CorpusStats = { files: 0, bytes: 0, lines: 0 };
  for (const entry of entries) {
    const existing = readdirSync(tarballDir).find((f) => f === tarballNameGuess(entry.spec));
    const tarball = existing ? path.join(tarballDir, existing) : packTarball(entry.spec, tarballDir, log);
    const unpack = mkdtempSync(path.join(tmpdir(), 'ea-corpus-'));
    try {
      execFileSync('tar', ['-xzf', tarball, '-C', unpack]);
      // npm tarballs hold one top folder, almost always `package/`.
      const top = readdirSync(unpack)[0];
      if (!top) throw new Error(`${entry.spec}: empty tarball`);
      const pkgRoot = path.join(unpack, top);
      const dest = path.join(staging, packageFolderName(entry.spec));
      for (const folder of entry.folders) {
        copySources(path.join(pkgRoot, folder), folder === '.' ? dest : path.join(dest, folder), stats);
      }
    } finally {
      rmSync(unpack, { recursive: true, force: true });
    }
  }
  writeFileSync(path.join(staging, DONE_MARKER), JSON.stringify(stats));
  rmSync(corpusDir, { recursive: true, force: true });
  renameSync(staging, corpusDir);
  return stats;
}

/** npm pack's file name for a spec, so a re-run after an interruption reuses tarballs already fetched. */
function tarballNameGuess(spec: string): string {
  const at = spec.lastIndexOf('@');
  const name = spec.slice(0, at);
  const version = spec.slice(at + 1);
  return `${name.replace(/^@/, '').replace(/\//g, '-')}-${version}.tgz`;
}
