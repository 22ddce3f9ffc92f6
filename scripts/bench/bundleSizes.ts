// `npm run bench:bundles`: the sizes of the production bundles against their targets.
//   webview.js initial: the entry plus the chunks it imports statically (what a principle page loads)
//   webview chunks:     everything fetched on demand (Mermaid and its diagram types), for the record
//   extension.js:       what every activation of the extension loads
// The production build goes to a temporary folder of its own, so the numbers never come from a stale or
// half-written dist/. Flags: --json (machine-readable result on stdout), --dist DIR (measure that build).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchPaths } from './paths';

const TARGETS = { webviewInitialBytes: 600 * 1024, extensionBytes: 250 * 1024 } as const;

interface BundleSizes {
  webviewInitialBytes: number;
  webviewInitialFiles: string[];
  webviewChunkCount: number;
  webviewChunkBytes: number;
  extensionBytes: number;
}

/** Relative paths of the modules a built ES module imports statically (`import … from "./x.js"`, `import "./x.js"`). */
function staticImports(code: string): string[] {
  return [...code.matchAll(/(?:\bfrom|\bimport)\s*"(\.{1,2}\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
}

/** The entry and every file it reaches through static imports: what the browser fetches before it runs. */
function initialClosure(entry: string): string[] {
  const seen = new Set<string>([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    for (const rel of staticImports(readFileSync(file, 'utf8'))) {
      const next = path.resolve(path.dirname(file), rel);
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return [...seen];
}

function measureBundles(dist: string): BundleSizes {
  const size = (file: string): number => statSync(file).size;
  const initial = initialClosure(path.join(dist, 'webview.js'));
  const chunkDir = path.join(dist, 'chunks');
  const chunks = readdirSync(chunkDir).filter((f) => f.endsWith('.js')).map((f) => path.join(chunkDir, f)).filter((f) => !initial.includes(f));
  return {
    webviewInitialBytes: initial.reduce((n, f) => n + size(f), 0),
    webviewInitialFiles: initial.map((f) => path.relative(dist, f)),
    webviewChunkCount: chunks.length,
    webviewChunkBytes: chunks.reduce((n, f) => n + size(f), 0),
    extensionBytes: size(path.join(dist, 'extension.js')),
  };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;
const verdict = (value: number, target: number): string => `${value <= target ? 'meets' : 'MISSES'} target ≤ ${kb(target)}`;

function formatSizes(s: BundleSizes): string {
  return [
    'Bundle sizes (production build)',
    `  webview.js initial     ${kb(s.webviewInitialBytes).padStart(8)}  ${verdict(s.webviewInitialBytes, TARGETS.webviewInitialBytes)}  (${s.webviewInitialFiles.join(' + ')})`,
    `  webview chunks         ${kb(s.webviewChunkBytes).padStart(8)}  in ${s.webviewChunkCount} files, fetched when a diagram is drawn`,
    `  extension.js           ${kb(s.extensionBytes).padStart(8)}  ${verdict(s.extensionBytes, TARGETS.extensionBytes)}`,
  ].join('\n');
}

function main(): void {
  const { values } = parseArgs({ options: { json: { type: 'boolean' }, dist: { type: 'string' } } });
  const { repoRoot } = benchPaths();
  const own = values.dist === undefined;
  const dist = values.dist !== undefined ? path.resolve(values.dist) : mkdtempSync(path.join(tmpdir(), 'ea-bench-bundles-'));
  try {
    if (own) {
      process.stderr.write('[bench] production build…\n');
      execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs'), '--production', `--outdir=${dist}`], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
    }
    const sizes = measureBundles(dist);
    process.stdout.write(values.json ? `${JSON.stringify(sizes, null, 2)}\n` : `${formatSizes(sizes)}\n`);
  } finally {
    if (own) rmSync(dist, { recursive: true, force: true });
  }
}

main();
