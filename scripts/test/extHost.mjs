// Runs the mocha suite (out/test/vscode/suite) inside the extension host of a real VS Code: code-server
// serves it, Debian's Chromium opens the workbench with the extension under development and the tests
// path in the URL payload, and VS Code calls `codeAutomationExit(code)` when the suite's run() settles.
// Usage: node scripts/test/extHost.mjs   (after `npm run build -- --tests`)
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '../vscode/browser.mjs';
import { ensureCodeServer } from '../vscode/install.mjs';
import { repoRoot, runsRoot } from '../vscode/paths.mjs';
import { exitOnSignals } from '../vscode/signals.mjs';
import { startCodeServer } from '../vscode/server.mjs';
import { workbenchUrl } from '../vscode/workbench.mjs';

const LINE_PREFIX = '[ext-host]';
const SUMMARY = /\[ext-host\] summary passed=(\d+) failed=(\d+)/;
const testsEntry = path.join(repoRoot, 'out', 'test', 'vscode', 'suite', 'index.js');

/** The workspace the tests open: the example app when it exists, else an empty folder. */
function workspaceFolder() {
  const shop = path.join(repoRoot, 'examples', 'shop');
  if (existsSync(shop)) return shop;
  const empty = path.join(runsRoot, 'empty-workspace');
  mkdirSync(empty, { recursive: true });
  return empty;
}

/**
 * @param {{ timeoutMs?: number, log?: (line: string) => void }} [opts]
 * @returns {Promise<{ passed: number, failed: number, seconds: number, error?: string }>}
 */
export async function runExtensionHostTests(opts = {}) {
  const log = opts.log ?? ((line) => console.log(line));
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 100) / 10;
  if (!existsSync(testsEntry)) {
    return { passed: 0, failed: 1, seconds: 0, error: `${path.relative(repoRoot, testsEntry)} is missing: run \`npm run build -- --tests\` first` };
  }
  if (!existsSync(path.join(repoRoot, 'dist', 'extension.js'))) {
    return { passed: 0, failed: 1, seconds: 0, error: 'dist/extension.js is missing: run `npm run build` first' };
  }
  ensureCodeServer(log);
  const server = await startCodeServer({ workspace: workspaceFolder(), label: 'ext-host' });
  /** @type {import('playwright-core').Browser | undefined} */
  let browser;
  /** @type {{ passed: number, failed: number } | null} */
  let summary = null;
  try {
    browser = await launchChromium();
    const page = await browser.newPage();
    /** @type {(code: number) => void} */
    let settle = () => {};
    const exited = new Promise((resolve) => (settle = resolve));
    await page.exposeFunction('codeAutomationExit', (/** @type {number} */ code) => settle(code));
    /** @type {string[]} */
    const recent = [];
    page.on('console', (msg) => {
      const text = cleanConsole(msg.text());
      recent.push(text);
      if (recent.length > 60) recent.shift();
      const match = SUMMARY.exec(text);
      if (match) summary = { passed: Number(match[1]), failed: Number(match[2]) };
      // The suite tags its lines (test/vscode/suite/index.ts); the rest is the workbench's own logging.
      const ours = text.indexOf(LINE_PREFIX);
      if (ours >= 0 && !match) log(`  ${text.slice(ours + LINE_PREFIX.length + 1)}`);
    });
    page.on('pageerror', (err) => log(`[page error] ${err.message}`));
    const url = workbenchUrl({
      origin: server.origin,
      folder: server.workspace,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: testsEntry,
    });
    await page.goto(url);
    const timeoutMs = opts.timeoutMs ?? 180_000;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const code = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    if (code === 'timeout') {
      return { passed: summary?.passed ?? 0, failed: (summary?.failed ?? 0) + 1, seconds: seconds(), error: `no result after ${timeoutMs / 1000} s` };
    }
    if (!summary) {
      return { passed: 0, failed: 1, seconds: seconds(), error: `VS Code exited the tests with ${code} before the suite reported (extension or test entry failed to load?)\n--- workbench console ---\n${recent.join('\n')}\n--- code-server ---\n${server.logs().slice(-3000)}` };
    }
    const result = /** @type {{ passed: number, failed: number }} */ (summary);
    if (code !== 0 && result.failed === 0) return { ...result, failed: 1, seconds: seconds(), error: `exit code ${code} although no test failed` };
    return { ...result, seconds: seconds() };
  } finally {
    await browser?.close();
    await server.stop();
  }
}

/** Drops the `%c` marker and CSS VS Code puts before forwarded lines ("%c INFO color: #33f text"). @param {string} text */
function cleanConsole(text) {
  return text.replace(/^%c\s*(\w+) color: #[0-9a-f]+ /i, '$1 ').trimEnd();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  exitOnSignals();
  const r = await runExtensionHostTests();
  if (r.error) console.error(`[ext-host] ${r.error}`);
  console.log(`ext-host: ${r.passed} passed, ${r.failed} failed (${r.seconds} s)`);
  process.exit(r.failed > 0 ? 1 : 0);
}
