// `npm test`: every test layer of the project, in order, on a real machine:
//   provision (system packages, code-server, servers) → build (with the extension-host suite) →
//   typecheck → lint → core unit → webview components → webview bundle in Chromium → scaffold proofs → accuracy →
//   extension host (mocha in a real VS Code) → UI end to end (playwright-core + Chromium).
// Prints one count line per layer and closes with exactly "N passed, N failed"; exits 1 on any failure.
// EA_LAYERS=unit,e2e (comma list of layer ids) runs only those layers (provisioning and build always run).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ensureCodeServer } from '../vscode/install.mjs';
import { repoRoot } from '../vscode/paths.mjs';
import { exitOnSignals } from '../vscode/signals.mjs';
import { runE2eTests } from './e2e.mjs';
import { runExtensionHostTests } from './extHost.mjs';
import { accuracyLayer, checkLayer, checkLinesLayer, vitestLayer } from './layers.mjs';
import { provisionPackages, provisionServers } from './provision.mjs';

/** @typedef {import('./layers.mjs').LayerResult} LayerResult */

const log = (/** @type {string} */ line) => console.log(line);
const scripts = /** @type {Record<string, string>} */ (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).scripts ?? {});
const only = process.env.EA_LAYERS ? new Set(process.env.EA_LAYERS.split(',').map((s) => s.trim())) : null;
const started = Date.now();

/** @type {{ id: string, title: string, needsBuild: boolean, when?: () => boolean, run: () => Promise<LayerResult> }[]} */
const LAYERS = [
  { id: 'typecheck', title: 'typecheck', needsBuild: false, run: () => checkLayer('typecheck', log) },
  { id: 'lint', title: 'lint', needsBuild: false, run: () => checkLayer('lint', log) },
  { id: 'unit', title: 'core unit', needsBuild: false, run: () => vitestLayer('test:unit', log) },
  { id: 'webview', title: 'webview components', needsBuild: false, run: () => vitestLayer('test:webview', log) },
  { id: 'webview-chromium', title: 'webview in Chromium', needsBuild: true, run: () => checkLinesLayer('test:webview:chromium', log) },
  { id: 'scaffolds', title: 'scaffold proofs', needsBuild: false, run: () => vitestLayer('test:scaffolds', log) },
  { id: 'accuracy', title: 'accuracy', needsBuild: false, when: () => 'accuracy' in scripts, run: () => accuracyLayer(log) },
  { id: 'ext-host', title: 'extension host', needsBuild: true, run: () => runExtensionHostTests({ log }) },
  { id: 'e2e', title: 'UI end to end', needsBuild: true, run: () => runE2eTests({ log }) },
];

/** @type {{ title: string, result: LayerResult }[]} */
const results = [];
/** @param {string} title @param {LayerResult} result */
function report(title, result) {
  results.push({ title, result });
  const extra = [result.detail, `${result.seconds} s`].filter(Boolean).join(', ');
  log(`── ${title}: ${result.passed} passed, ${result.failed} failed (${extra})${result.error ? `\n   ${result.error.split('\n').join('\n   ')}` : ''}`);
}

/** @param {string} title */
function banner(title) {
  log(`\n══ ${title} ${'═'.repeat(Math.max(0, 70 - title.length))}`);
}

async function main() {
  banner('provision');
  const provisionStart = Date.now();
  const problems = provisionPackages(log);
  try {
    ensureCodeServer(log);
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  problems.push(...(await provisionServers(log)));
  for (const p of problems) log(`  ! ${p}`);
  log(`  provisioned in ${((Date.now() - provisionStart) / 1000).toFixed(1)} s`);

  banner('build');
  const build = await checkLayer('build', log, ['--tests']);
  const built = build.failed === 0 && existsSync(path.join(repoRoot, 'dist', 'extension.js'));
  report('build', built ? build : { ...build, passed: 0, failed: 1, error: build.error ?? 'no dist/extension.js' });

  for (const layer of LAYERS) {
    if (only && !only.has(layer.id)) continue;
    if (layer.when && !layer.when()) continue;
    banner(layer.title);
    if (layer.needsBuild && !built) {
      report(layer.title, { passed: 0, failed: 1, seconds: 0, error: 'skipped: the build failed' });
      continue;
    }
    try {
      report(layer.title, await layer.run());
    } catch (error) {
      report(layer.title, { passed: 0, failed: 1, seconds: 0, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  }

  banner('summary');
  for (const { title, result } of results) log(`  ${title.padEnd(20)} ${String(result.passed).padStart(5)} passed ${String(result.failed).padStart(4)} failed  ${result.seconds} s`);
  for (const p of problems) log(`  ! ${p}`);
  log(`  total time ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const passed = results.reduce((n, r) => n + r.result.passed, 0);
  const failed = results.reduce((n, r) => n + r.result.failed, 0);
  log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

exitOnSignals();
main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    log('0 passed, 1 failed');
    process.exit(1);
  },
);
