// One function per test layer of `npm test`. Each returns counts of tests (or checks, for typecheck and
// lint: one each) so the orchestrator can print a line per layer and a closing total.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../vscode/paths.mjs';

/**
 * @typedef {{ passed: number, failed: number, seconds: number, error?: string, detail?: string }} LayerResult
 */

/** Plain output for logs: vitest and friends enable colours whenever FORCE_COLOR is set at all. */
export function noColorEnv() {
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  return env;
}

/**
 * Runs a command in the repository, streaming its output indented, and returns exit code and output.
 * @param {string} cmd @param {string[]} args @param {(line: string) => void} log
 * @returns {Promise<{ code: number, out: string }>}
 */
export function run(cmd, args, log) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: noColorEnv() });
    let out = '';
    let partial = '';
    const onData = (/** @type {Buffer} */ d) => {
      const text = d.toString();
      out += text;
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) log(`  ${line}`);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (error) => resolve({ code: 127, out: `${out}\n${error.message}` }));
    child.on('close', (code) => {
      if (partial) log(`  ${partial}`);
      resolve({ code: code ?? 1, out });
    });
  });
}

/** @param {number} started */
const since = (started) => Math.round((Date.now() - started) / 100) / 10;

/**
 * A layer that is one pass/fail check (typecheck, lint, build).
 * @param {string} script npm script @param {(line: string) => void} log @param {string[]} [args]
 * @returns {Promise<LayerResult>}
 */
export async function checkLayer(script, log, args = []) {
  const started = Date.now();
  const { code } = await run('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], log);
  return { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, seconds: since(started), ...(code === 0 ? {} : { error: `npm run ${script} exited with ${code}` }) };
}

/**
 * A vitest layer; counts come from vitest's JSON report (the default reporter still prints for humans).
 * @param {string} script npm script that runs `vitest run …` @param {(line: string) => void} log
 * @returns {Promise<LayerResult>}
 */
export async function vitestLayer(script, log) {
  const started = Date.now();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ea-vitest-'));
  const report = path.join(dir, 'report.json');
  try {
    const { code } = await run('npm', ['run', '--silent', script, '--', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], log);
    if (!existsSync(report)) return { passed: 0, failed: 1, seconds: since(started), error: `npm run ${script} exited with ${code} and wrote no report` };
    const json = /** @type {{ numPassedTests: number, numFailedTests: number, numFailedTestSuites: number, numTotalTests: number }} */ (
      JSON.parse(readFileSync(report, 'utf8'))
    );
    let failed = json.numFailedTests;
    /** @type {string | undefined} */
    let error;
    // A file that fails to load has no failed test but a failed suite; no tests at all is no proof either.
    if (failed === 0 && json.numFailedTestSuites > 0) {
      failed = json.numFailedTestSuites;
      error = `${json.numFailedTestSuites} test file(s) failed to run`;
    } else if (json.numTotalTests === 0) {
      failed = 1;
      error = 'no tests found';
    } else if (code !== 0 && failed === 0) {
      failed = 1;
      error = `vitest exited with ${code}`;
    }
    return { passed: json.numPassedTests, failed, seconds: since(started), ...(error ? { error } : {}) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `npm run accuracy -- --json`: one check per detection kind that has labelled cases (at the bar or
 * not); analyzer crashes and invalid cases count as failures too.
 * @param {(line: string) => void} log @returns {Promise<LayerResult>}
 */
export async function accuracyLayer(log) {
  const started = Date.now();
  const { code, out } = await run('npm', ['run', '--silent', 'accuracy', '--', '--json'], () => {});
  const start = out.indexOf('{');
  /** @type {{ cases: number, kinds: { kind: string, expected: number, precision: number | null, recall: number | null }[], failures: string[], crashes: string[], invalidCases: unknown[] } | null} */
  let json;
  try {
    json = start >= 0 ? JSON.parse(out.slice(start)) : null;
  } catch {
    json = null;
  }
  if (!json) {
    for (const line of out.split('\n')) log(`  ${line}`);
    return { passed: 0, failed: 1, seconds: since(started), error: `npm run accuracy exited with ${code} without a JSON report` };
  }
  const graded = json.kinds.filter((k) => k.expected > 0);
  const fmt = (/** @type {number | null} */ v) => (v === null ? '  -  ' : v.toFixed(3));
  for (const k of graded) log(`  ${k.kind.padEnd(28)} precision ${fmt(k.precision)}  recall ${fmt(k.recall)}`);
  for (const f of json.failures) log(`  below the bar: ${f}`);
  for (const c of json.crashes) log(`  crash: ${c.split('\n')[0]}`);
  const failed = json.failures.length + json.crashes.length + json.invalidCases.length;
  return {
    passed: graded.length - json.failures.length,
    failed: failed === 0 && code !== 0 ? 1 : failed,
    seconds: since(started),
    detail: `${json.cases} cases, ${graded.length} kinds graded`,
  };
}

/**
 * A layer whose script prints one `ok  …` or `FAIL …` line per check (the webview's Chromium smoke test).
 * A non-zero exit without any FAIL line still counts as one failure.
 * @param {string} script npm script @param {(line: string) => void} log
 * @returns {Promise<LayerResult>}
 */
export async function checkLinesLayer(script, log) {
  const started = Date.now();
  const { code, out } = await run('npm', ['run', '--silent', script], log);
  const lines = out.split('\n');
  const passed = lines.filter((l) => l.startsWith('ok  ')).length;
  let failed = lines.filter((l) => l.startsWith('FAIL ')).length;
  if (code !== 0 && failed === 0) failed = 1;
  if (passed + failed === 0) failed = 1;
  return { passed, failed, seconds: since(started), ...(code === 0 ? {} : { error: `npm run ${script} exited with ${code}` }) };
}
