// Builds every bundle of the extension with esbuild:
//   dist/extension.js      VS Code host (Node, CJS, `vscode` external)
//   dist/analysisWorker.js the analyzer's worker thread (Node, CJS)
//   dist/cli.js            the `event-architect` CLI (Node, CJS, shebang)
//   dist/webview.js/.css   the React webview (browser, IIFE)
//   out/test/...           the extension-host test suite (Node, CJS), only with --tests
// Flags: --watch, --production (minify, no sourcemaps), --tests.
import * as esbuild from 'esbuild';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const watch = args.has('--watch');
const production = args.has('--production');
const withTests = args.has('--tests') || watch;

const common = {
  absWorkingDir: root,
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'info',
  legalComments: 'none',
};

const node = { ...common, platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'] };

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  { ...node, entryPoints: { extension: 'src/host/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...node, entryPoints: { analysisWorker: 'src/core/analysis/worker.ts' }, outdir: 'dist' },
  { ...node, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  {
    ...common,
    platform: 'browser',
    format: 'iife',
    target: ['chrome120'],
    entryPoints: { webview: 'webview/src/main.tsx' },
    outdir: 'dist',
    jsx: 'automatic',
    loader: { '.ttf': 'file', '.woff2': 'file' },
    define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
  },
];
if (withTests) {
  builds.push({
    ...node,
    entryPoints: ['test/vscode/suite/index.ts', 'test/vscode/suite/*.test.ts'],
    outdir: 'out/test/vscode/suite',
    external: ['vscode', 'mocha'],
  });
}

// A bundle whose entry does not exist yet is reported, not fatal, so a partial checkout still builds.
const present = builds.filter((b) => {
  const entries = Array.isArray(b.entryPoints) ? b.entryPoints : Object.values(b.entryPoints);
  const ok = entries.every((e) => e.includes('*') || existsSync(path.join(root, e)));
  if (!ok) console.warn(`[build] skipped (entry missing): ${entries.join(', ')}`);
  return ok;
});

if (!watch) rmSync(path.join(root, 'dist'), { recursive: true, force: true });

if (watch) {
  const contexts = await Promise.all(present.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[build] watching…');
} else {
  const started = Date.now();
  await Promise.all(present.map((b) => esbuild.build(b)));
  console.log(`[build] ${present.length} bundles in ${Date.now() - started} ms`);
}
