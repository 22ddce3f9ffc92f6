// `npm run bench:vscode`: how long a user waits for the Event Flows tree in a real VS Code (code-server +
// Chromium). For each workspace it opens a fresh window (fresh user data: nothing cached) and clicks the
// Event Architect container, timing click → first row of the Event Flows tree ("cold"); then it reloads the
// same window on the same user data (the extension's workspace storage holds its index cache) and times it
// again ("warm"). Median of N runs each, with the 1-minute load average before and after, and the
// extension's own timeline line from its log (where the time went).
// Usage: node scripts/vscode/benchIndex.mjs [--runs 5] [--only empty,shop,gen2000,ether/etherpad-lite] [--json] [--cli]
// Real repositories come from scripts/bench/realRepos.json and EA_REPO_MIRRORS (see that file).
// --cli: also runs the CLI benchmark (`npm run bench -- --no-reindex`: cold and warm analysis of the bench
// corpus beside ripgrep and ast-grep, with CPU time and peak RSS) and prints one table against every target.
import { execFileSync, execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateWorkspace } from '../bench/generatedWorkspace.mjs';
import { launchChromium } from './browser.mjs';
import { packageVsix } from './extension.mjs';
import { ensureCodeServer } from './install.mjs';
import { repoRoot } from './paths.mjs';
import { startCodeServer } from './server.mjs';
import { workbenchUrl } from './workbench.mjs';
import { editorRows, formatTargets } from './latencyTargets.mjs';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, only: { type: 'string' }, json: { type: 'boolean' }, 'no-build': { type: 'boolean' }, cli: { type: 'boolean' } },
});
const runs = Math.max(1, Number(values.runs));
const only = values.only ? new Set(values.only.split(',')) : null;
const log = (/** @type {string} */ m) => process.stderr.write(`[bench:vscode] ${m}\n`);
const load = () => Number(loadavg()[0].toFixed(2));
const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** One timed window; a failure (a timeout on a starved machine) is logged and leaves the run out. */
async function attempt(label, server) {
  try {
    return await timeOnce(server);
  } catch (error) {
    log(`${label} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return null;
  }
}

/** Every file under `dir` whose name matches `pattern`. @returns {string[]} */
function findFiles(dir, pattern) {
  if (!existsSync(dir)) return [];
  let out = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const st = statSync(full, { throwIfNoEntry: false });
    if (st?.isDirectory()) out = out.concat(findFiles(full, pattern));
    else if (st && pattern.test(name)) out.push(full);
  }
  return out;
}

/** The extension's log of the newest window of a run (written since `since`: not a previous window's). */
function extensionLog(runDir, since = 0) {
  const files = findFiles(path.join(runDir, 'user-data', 'logs'), /Event Architect\.log$/)
    .filter((f) => statSync(f).mtimeMs >= since)
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return files[0] ? readFileSync(files[0], 'utf8') : '';
}

async function waitForLog(runDir, since, pattern, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const m = pattern.exec(extensionLog(runDir, since));
    if (m) return m;
    if (Date.now() > deadline) return null;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Opens the window, clicks the container, returns ms until the Event Flows tree has a row. */
async function timeOnce(server) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const since = Date.now() - 1000;
    // A busy machine takes long to serve the workbench: the page load is not what is measured.
    await page.goto(workbenchUrl({ origin: server.origin, folder: server.workspace }), { timeout: 180_000, waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 90_000 });
    await page.locator('.explorer-folders-view').waitFor({ timeout: 90_000 });
    // The user's first click lands on a window that finished loading: the extension activates once
    // startup is finished (it indexes nothing until a view is shown), then the explorer's work settles.
    await waitForLog(server.runDir, since, /activated in/, 120_000);
    await page.waitForTimeout(1000);
    const clicked = Date.now();
    await page.locator('.part.activitybar .action-item a[aria-label^="Event Architect"]').click();
    const pane = page.locator('.part.sidebar .pane').filter({ has: page.locator('.pane-header[aria-label^="Event Flows"]') });
    await pane.locator('.monaco-list-row').first().waitFor({ timeout: 120_000 });
    const ms = Date.now() - clicked;
    const rows = await pane.locator('.monaco-list-row').count();
    // The index cache is written after the first result: let it land before the window closes.
    const saved = await waitForLog(server.runDir, since, /Index cache (?:saved|unchanged|not written)[^\n]*/, 30_000);
    const text = extensionLog(server.runDir, since);
    const timeline = /Index timeline[^\n]*/.exec(text)?.[0] ?? '';
    // The log's own clock: when activate() returned and when the flows reached the views, after the click.
    const at = (pattern) => {
      const m = new RegExp(`^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3})[^\\n]*${pattern}`, 'm').exec(text);
      return m?.[1] ? new Date(m[1].replace(' ', 'T')).getTime() - clicked : null;
    };
    const phases = `activated +${at('activated in')} ms, flows in views +${at('Index timeline')} ms`;
    await page.waitForTimeout(saved ? 300 : 0);
    return { ms, rows, timeline: `${phases}; ${timeline}` };
  } finally {
    await browser.close();
  }
}

function exportRepository(repo, commit, dest) {
  const mirrors = process.env.EA_REPO_MIRRORS;
  if (!mirrors) return false;
  const base = path.join(mirrors, repo.replace('/', '+'));
  const gitDir = [path.join(base, 'repo'), base].find((d) => existsSync(path.join(d, 'HEAD')) || existsSync(path.join(d, '.git')));
  if (!gitDir) return false;
  mkdirSync(dest, { recursive: true });
  execSync(`git -C "${gitDir}" archive --format=tar ${commit} | tar -x -C "${dest}"`, { stdio: ['ignore', 'ignore', 'pipe'] });
  return true;
}

function workspaces(scratch) {
  /** @type {{ name: string, dir: string }[]} */
  const out = [];
  const want = (name) => !only || only.has(name);
  if (want('empty')) {
    mkdirSync(path.join(scratch, 'empty'));
    out.push({ name: 'empty', dir: path.join(scratch, 'empty') });
  }
  if (want('shop')) out.push({ name: 'shop', dir: path.join(repoRoot, 'examples', 'shop') });
  if (want('gen2000')) {
    const dir = path.join(scratch, 'gen2000');
    generateWorkspace(dir, 2000);
    out.push({ name: 'gen2000', dir });
  }
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'scripts', 'bench', 'realRepos.json'), 'utf8'));
  for (const { repo, commit } of manifest.repositories) {
    if (!want(repo)) continue;
    const dir = path.join(scratch, repo.replace('/', '+'));
    if (exportRepository(repo, commit, dir)) out.push({ name: `${repo}@${commit.slice(0, 7)}`, dir });
    else log(`skipped ${repo}: no snapshot under EA_REPO_MIRRORS`);
  }
  return out;
}

ensureCodeServer();
const scratch = mkdtempSync(path.join(tmpdir(), 'ea-bench-vscode-'));
try {
  if (!values['no-build']) execFileSync('npm', ['run', 'build', '--', '--production'], { cwd: repoRoot, stdio: 'ignore' });
  const vsix = packageVsix(path.join(scratch, 'event-architect.vsix'));
  const results = [];
  for (const ws of workspaces(scratch)) {
    const cold = [];
    const warm = [];
    const loads = [load()];
    let lastCold = '';
    let lastWarm = '';
    for (let i = 0; i < runs; i++) {
      const first = await startCodeServer({ workspace: ws.dir, vsix, label: 'bench', keepRunDir: true });
      let c = null;
      try {
        c = await attempt(`${ws.name} cold ${i + 1}/${runs}`, first);
      } finally {
        await first.stop();
      }
      if (!c) {
        rmSync(first.runDir, { recursive: true, force: true });
        continue;
      }
      cold.push(c.ms);
      lastCold = c.timeline;
      log(`${ws.name} cold ${i + 1}/${runs}: ${c.ms} ms (${c.rows} rows, load ${load()}) ${c.timeline}`);
      // The same port: the workspace's identity (and so its storage folder) includes the server's address.
      const again = await startCodeServer({ workspace: ws.dir, label: 'bench', reuseRunDir: first.runDir, port: first.port });
      try {
        const w = await attempt(`${ws.name} warm ${i + 1}/${runs}`, again);
        if (!w) continue;
        warm.push(w.ms);
        lastWarm = w.timeline;
        log(`${ws.name} warm ${i + 1}/${runs}: ${w.ms} ms (${w.rows} rows, load ${load()}) ${w.timeline}`);
      } finally {
        await again.stop();
        rmSync(first.runDir, { recursive: true, force: true });
      }
    }
    loads.push(load());
    results.push({ workspace: ws.name, coldMs: median(cold), warmMs: median(warm), cold, warm, load: loads, lastCold, lastWarm });
  }
  const targets = editorRows(results);
  let cli = null;
  if (values.cli) {
    log(`CLI benchmark (load ${load()})…`);
    const run = spawnSync('npx', ['tsx', 'scripts/bench/run.ts', '--json', '--no-reindex', '--runs', String(runs)], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
    try {
      cli = JSON.parse(run.stdout);
      targets.push(...cli.targets.filter((t) => !t.name.startsWith('re-index')).map((t) => ({ ...t, name: `CLI ${t.name}` })));
    } catch {
      log(`the CLI benchmark failed (exit ${run.status}); see its output above`);
    }
  }
  if (targets.some((t) => !t.pass)) process.exitCode = 1;
  if (values.json) process.stdout.write(`${JSON.stringify({ editor: results, cli, targets }, null, 2)}\n`);
  else {
    console.log(`click → Event Flows tree populated, median of ${runs} (load = 1-min average before/after)`);
    for (const r of results) {
      console.log(`${r.workspace.padEnd(42)} cold ${String(r.coldMs).padStart(5)} ms  warm ${String(r.warmMs).padStart(5)} ms  load ${r.load.join('/')}`);
      console.log(`    cold runs ${r.cold.join(', ')} | warm runs ${r.warm.join(', ')}`);
      console.log(`    cold: ${r.lastCold}\n    warm: ${r.lastWarm}`);
    }
    if (cli) {
      const cpu = (v) => (v === null ? '?' : `${(v / 1000).toFixed(2)} s`);
      const mb = (v) => (v === null ? '?' : `${v.toFixed(0)} MB`);
      console.log(`\nCLI on the bench corpus (${cli.corpus.files} files, ${cli.corpus.lines} lines), median of ${runs}, load ${cli.machine.loadAverage1mBefore}/${cli.machine.loadAverage1mAfter}`);
      for (const [name, s] of [['cold analysis', cli.cold], ['warm (--cache)', cli.warm], ['ripgrep', cli.ripgrep], ['ast-grep scan', cli.astGrep]]) {
        console.log(`  ${name.padEnd(16)} wall ${(s.wallMsMedian / 1000).toFixed(2)} s  CPU ${cpu(s.cpuMsMedian)}  peak RSS ${mb(s.maxRssMbMedian)}`);
      }
      const ratio = (a, b) => (a === null || b === null ? '?' : (a / b).toFixed(2));
      console.log(`  CPU ratios: cold/ripgrep ${ratio(cli.cold.cpuMsMedian, cli.ripgrep.cpuMsMedian)}, cold/ast-grep ${ratio(cli.cold.cpuMsMedian, cli.astGrep.cpuMsMedian)}, warm/cold ${ratio(cli.warm.cpuMsMedian, cli.cold.cpuMsMedian)}`);
    }
    console.log(`\ntargets (wall-clock medians; on a busy machine compare CPU times and load)\n${formatTargets(targets)}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
