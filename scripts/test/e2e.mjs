// Runs the UI end-to-end tests (test/e2e/*.e2e.ts, node:test + playwright-core). This runner owns the
// infrastructure: it packages the built extension as a .vsix (so the tests see what users install),
// starts code-server on a fresh copy of examples/shop with it, and starts Debian's Chromium; the tests get
// the workbench URL and the browser endpoint through the environment.
// Usage: node scripts/test/e2e.mjs [--update-screenshots] [name…]   (after `npm run build`)
//   --update-screenshots  writes the README pictures to docs/images/ instead of test-results/e2e/
//   name…                 runs only the test files whose name contains one of these (e.g. `fixes`)
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromiumServer } from '../vscode/browser.mjs';
import { packageVsix } from '../vscode/extension.mjs';
import { ensureCodeServer } from '../vscode/install.mjs';
import { repoRoot } from '../vscode/paths.mjs';
import { exitOnSignals } from '../vscode/signals.mjs';
import { startCodeServer } from '../vscode/server.mjs';
import { workbenchUrl } from '../vscode/workbench.mjs';
import { noColorEnv } from './layers.mjs';

const e2eDir = path.join(repoRoot, 'test', 'e2e');

/**
 * VS Code shows no quick fix (ours included) until every code-action provider has answered, and the
 * TypeScript server takes minutes to load a project on a busy 2-core runner (and waits on type acquisition
 * from the registry, which is offline here). Its syntax-only server answers at once; the tests check the
 * project's types with `tsc` themselves.
 */
const E2E_SETTINGS = {
  'typescript.tsserver.useSyntaxServer': 'always',
  'typescript.disableAutomaticTypeAcquisition': true,
};

/**
 * node:test's spec reporter ends with "ℹ pass N" / "ℹ fail N" lines.
 * @param {string} out
 */
export function parseNodeTestSummary(out) {
  const num = (/** @type {string} */ key) => {
    const m = new RegExp(`^[^\\w\\n]*${key} (\\d+)\\s*$`, 'm').exec(out);
    return m ? Number(m[1]) : null;
  };
  const passed = num('pass');
  const failed = num('fail');
  return passed === null || failed === null ? null : { passed, failed: failed + (num('cancelled') ?? 0) };
}

/**
 * @param {{ log?: (line: string) => void, timeoutMs?: number, updateScreenshots?: boolean, only?: string[] }} [opts]
 * @returns {Promise<{ passed: number, failed: number, seconds: number, error?: string }>}
 */
export async function runE2eTests(opts = {}) {
  const log = opts.log ?? ((line) => console.log(line));
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 100) / 10;
  if (!existsSync(path.join(repoRoot, 'dist', 'extension.js'))) {
    return { passed: 0, failed: 1, seconds: 0, error: 'dist/extension.js is missing: run `npm run build` first' };
  }
  const workspace = path.join(repoRoot, 'examples', 'shop');
  if (!existsSync(workspace)) return { passed: 0, failed: 1, seconds: 0, error: 'examples/shop is missing' };
  const only = opts.only ?? [];
  const files = readdirSync(e2eDir)
    .filter((f) => f.endsWith('.e2e.ts') && (only.length === 0 || only.some((o) => f.includes(o))))
    .sort()
    .map((f) => path.join(e2eDir, f));
  if (files.length === 0) return { passed: 0, failed: 1, seconds: 0, error: `no test/e2e/*.e2e.ts files${only.length ? ` matching ${only.join(', ')}` : ''}` };

  ensureCodeServer(log);
  const vsix = packageVsix();
  const server = await startCodeServer({ workspace, vsix, label: 'e2e', settings: E2E_SETTINGS });
  /** @type {import('playwright-core').BrowserServer | undefined} */
  let browser;
  try {
    browser = await launchChromiumServer();
    const child = spawn(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), ['--test', '--test-reporter=spec', '--test-concurrency=1', ...files], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...noColorEnv(),
        EA_WORKBENCH_URL: workbenchUrl({ origin: server.origin, folder: server.workspace }),
        EA_WORKSPACE: server.workspace,
        EA_BROWSER_WS: browser.wsEndpoint(),
        ...(opts.updateScreenshots ? { EA_UPDATE_SCREENSHOTS: '1' } : {}),
      },
    });
    let out = '';
    const forward = (/** @type {Buffer} */ d) => {
      const text = d.toString();
      out += text;
      for (const line of text.split('\n')) if (line.trim()) log(`  ${line}`);
    };
    child.stdout.on('data', forward);
    child.stderr.on('data', forward);
    // The quick-fix test applies ~30 fixes and scaffolds, each with a type check of its service.
    const timeoutMs = opts.timeoutMs ?? 1_500_000;
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const code = await new Promise((resolve) => child.on('close', (c) => resolve(c ?? 1)));
    clearTimeout(timer);
    const summary = parseNodeTestSummary(out);
    if (!summary) return { passed: 0, failed: 1, seconds: seconds(), error: `the e2e tests ended (exit ${code}) without a summary` };
    if (code !== 0 && summary.failed === 0) return { ...summary, failed: 1, seconds: seconds(), error: `exit code ${code} although no test failed` };
    return { ...summary, seconds: seconds() };
  } finally {
    await browser?.close();
    await server.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  exitOnSignals();
  const args = process.argv.slice(2);
  const r = await runE2eTests({ updateScreenshots: args.includes('--update-screenshots'), only: args.filter((a) => !a.startsWith('--')) });
  if (r.error) console.error(`[e2e] ${r.error}`);
  console.log(`e2e: ${r.passed} passed, ${r.failed} failed (${r.seconds} s)`);
  process.exit(r.failed > 0 ? 1 : 0);
}
