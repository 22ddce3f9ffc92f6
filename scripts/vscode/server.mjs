// Starts one code-server for one run: fresh user data, fresh copy of the workspace (unsaved edits are
// backed up in user data and would reappear; the browser default autosaves into the fixture), its own
// process group so stopping it also ends the extension host and file watchers.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { codeServerBin, runsRoot } from './paths.mjs';
import { freePort } from './ports.mjs';

const userSettings = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'files.autoSave': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
};

// A run killed with SIGKILL (or interrupted: the exit handler cannot delete synchronously-slow folders)
// leaves its folder behind. Anything older than a working day is no live run's.
const STALE_MS = 12 * 60 * 60 * 1000;
function pruneStaleRuns() {
  for (const name of readdirSync(runsRoot)) {
    const dir = path.join(runsRoot, name);
    try {
      if (Date.now() - statSync(dir).mtimeMs > STALE_MS) rmSync(dir, { recursive: true, force: true });
    } catch {
      /* raced with another run's cleanup */
    }
  }
}

/** @param {string} url @returns {Promise<number>} */
function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => {
      req.destroy();
      resolve(0);
    });
  });
}

/**
 * @typedef {object} CodeServer
 * @property {number} port
 * @property {string} origin        http://127.0.0.1:PORT
 * @property {string} workspace     absolute path of the workspace copy
 * @property {string} runDir        user data, extensions, tmp of this run
 * @property {string} extensionsDir
 * @property {() => string} logs    everything code-server printed so far
 * @property {Promise<number>} exited resolves with code-server's exit code
 * @property {() => Promise<void>} stop
 */

/**
 * @param {object} opts
 * @param {string} opts.workspace  folder to open (a fresh copy of it is opened)
 * @param {string} [opts.vsix]     a packaged extension to install before starting
 * @param {number} [opts.port]     default: a free port
 * @param {string} [opts.label]    prefix of the run folder
 * @param {string} [opts.reuseRunDir] the run folder of a stopped server (`keepRunDir`) to start again: same
 *                                    user data (the extension's workspace storage) and workspace copy
 * @param {boolean} [opts.keepRunDir] stop() leaves the run folder for a later `reuseRunDir`
 * @param {Record<string, unknown>} [opts.settings] user settings on top of the defaults above
 * @returns {Promise<CodeServer>}
 */
export async function startCodeServer(opts) {
  mkdirSync(runsRoot, { recursive: true });
  pruneStaleRuns();
  const reuse = opts.reuseRunDir !== undefined;
  const runDir = opts.reuseRunDir ?? mkdtempSync(path.join(runsRoot, `${opts.label ?? 'run'}-`));
  const userData = path.join(runDir, 'user-data');
  const extensionsDir = path.join(runDir, 'extensions');
  const source = path.resolve(opts.workspace);
  const workspace = path.join(runDir, 'workspace', path.basename(source));
  if (!reuse) {
    mkdirSync(path.join(userData, 'User'), { recursive: true });
    mkdirSync(extensionsDir, { recursive: true });
    for (const d of ['tmp', 'config', 'data']) mkdirSync(path.join(runDir, d), { recursive: true });
    writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ ...userSettings, ...opts.settings }, null, 2));
    cpSync(source, workspace, { recursive: true, filter: (src) => !path.relative(source, src).split(path.sep).includes('node_modules') });
  }

  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(runDir, 'config'),
    XDG_DATA_HOME: path.join(runDir, 'data'),
    TMPDIR: path.join(runDir, 'tmp'),
  };
  if (opts.vsix && !reuse) {
    try {
      execFileSync(codeServerBin, ['--user-data-dir', userData, '--extensions-dir', extensionsDir, '--install-extension', opts.vsix, '--force'], { env, encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      const err = /** @type {{ stdout?: string, stderr?: string }} */ (e);
      rmSync(runDir, { recursive: true, force: true });
      throw new Error(`code-server --install-extension ${opts.vsix} failed:\n${err.stdout ?? ''}${err.stderr ?? ''}`, { cause: e });
    }
  }

  const port = opts.port ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  const args = [
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--user-data-dir', userData,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--disable-proxy',
    '--ignore-last-opened',
    workspace,
  ];
  // Own session (setsid) => own process group: `kill(-pid)` ends code-server and all its children.
  const child = spawn(codeServerBin, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  // The tail of code-server's output, for error messages (a long `npm start` session must not grow it).
  let output = '';
  const keep = (/** @type {Buffer} */ d) => (output = (output + d.toString()).slice(-64_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  /** @type {number | null} */
  let exitCode = null;
  /** @type {Promise<number>} */
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exitCode = code ?? (signal ? 128 : 0)))));

  // If this process ends without stop() (an exception, Ctrl+C in a runner), code-server would live on in
  // its own session: kill its group on the way out. 'exit' handlers must be synchronous, so no cleanup of
  // the run folder here.
  const killOnExit = () => {
    try {
      if (exitCode === null && child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  };
  process.on('exit', killOnExit);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', killOnExit);
    if (exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      const t = setTimeout(() => {
        try {
          if (child.pid) process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, 5000);
      await exited;
      clearTimeout(t);
    }
    if (!process.env.EA_KEEP_RUNS && !opts.keepRunDir) rmSync(runDir, { recursive: true, force: true });
  };

  const readyTimeoutMs = 60_000;
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (exitCode !== null) {
      await stop();
      throw new Error(`code-server exited with ${exitCode} before it was ready:\n${output}`);
    }
    if ((await httpStatus(`${origin}/healthz`)) === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server not healthy on ${origin} after ${readyTimeoutMs / 1000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { port, origin, workspace, runDir, extensionsDir, logs: () => output, exited, stop };
}
