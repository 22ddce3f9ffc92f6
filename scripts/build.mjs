// Builds every bundle of the extension with esbuild:
//   dist/extension.js      VS Code host (Node, CJS, `vscode` external)
//   dist/analysisWorker.js the analyzer's worker thread (Node, CJS)
//   dist/scanWorker.js     the second thread of the analyzer's cold scan (Node, CJS)
//   dist/typescript.js     the TypeScript compiler, loaded by the analyzer on its first parse (Node, CJS)
//   dist/cli.js            the `event-architect` CLI (Node, CJS, shebang)
//   dist/webview.js/.css   the React webview (browser, IIFE)
//   out/test/...           the extension-host test suite (Node, CJS), only with --tests
// Flags: --watch, --production (minify, no sourcemaps), --tests.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { typescriptOnDemand } from './typescriptOnDemand.mjs';

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
  { ...node, entryPoints: { extension: 'src/host/extension.ts' }, outdir: 'dist', external: ['vscode'], plugins: [typescriptOnDemand(root)] },
  // TypeScript is its own bundle, loaded only when a file is parsed (src/core/analysis/runtime/typescriptLoader.ts).
  { ...node, entryPoints: { analysisWorker: 'src/core/analysis/worker.ts' }, outdir: 'dist', external: ['typescript'] },
  { ...node, entryPoints: { scanWorker: 'src/core/analysis/scanWorker.ts' }, outdir: 'dist', external: ['typescript'] },
  { ...node, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' }, external: ['typescript'] },
  { ...node, entryPoints: { typescript: 'node_modules/typescript/lib/typescript.js' }, outdir: 'dist' },
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

// The webview's icon font: @vscode-elements finds it through <link id="vscode-codicon-stylesheet">.
function copyCodicons() {
  const from = path.join(root, 'node_modules', '@vscode', 'codicons', 'dist');
  const to = path.join(root, 'dist', 'codicons');
  mkdirSync(to, { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) copyFileSync(path.join(from, file), path.join(to, file));
}

// Snippet files come from the scaffold library itself (src/core/scaffolds/snippets.ts), so an `ea-…`
// snippet is always the same text the Insert Scaffold command writes.
async function writeSnippets() {
  if (!existsSync(path.join(root, 'src/core/scaffolds/registry.ts'))) return;
  const bundled = await esbuild.build({
    stdin: {
      contents: "export { buildSnippets } from './src/core/scaffolds/snippets'; export { SCAFFOLDS } from './src/core/scaffolds/registry';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'silent',
  });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', bundled.outputFiles[0].text)(mod, mod.exports, createRequire(import.meta.url));
  const { buildSnippets, SCAFFOLDS } = mod.exports;
  const dir = path.join(root, 'dist', 'snippets');
  mkdirSync(dir, { recursive: true });
  let count = 0;
  for (const [language, entries] of Object.entries(buildSnippets(SCAFFOLDS))) {
    writeFileSync(path.join(dir, `${language}.code-snippets`), JSON.stringify(entries, null, 2) + '\n');
    count += Object.keys(entries).length;
  }
  console.log(`[build] ${count} snippets`);
}

if (watch) {
  copyCodicons();
  await writeSnippets();
  const contexts = await Promise.all(present.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[build] watching…');
} else {
  const started = Date.now();
  await Promise.all(present.map((b) => esbuild.build(b)));
  copyCodicons();
  await writeSnippets();
  console.log(`[build] ${present.length} bundles in ${Date.now() - started} ms`);
}
