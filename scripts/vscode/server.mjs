// Starts one code-server for one run: fresh user data, fresh copy of the workspace (unsaved edits are
// backed up in user data and would reappear; the browser default autosaves into the fixture), its own
// process group so stopping it also ends the extension host and file watchers.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
 * @property {string} workspace     absolute path of the workspace copy (or the folder itself)
 * @property {string} runDir        user data, extensions, tmp of this run
 * @property {string} extensionsDir
 * @property {() => string} logs    everything code-server printed so far
 * @property {Promise<number>} exited resolves with code-server's exit code
 * @property {() => Promise<void>} stop
 */

/**
 * @param {object} opts
 * @param {string} [opts.workspace]       folder to open; copied unless `copyWorkspace` is false
 * @param {boolean} [opts.copyWorkspace]  default true
 * @param {string} [opts.extensionsDir]   default: a fresh folder of this run
 * @param {string} [opts.vsix]            a packaged extension to install before starting
 * @param {number} [opts.port]
 * @param {string} [opts.label]           prefix of the run folder
 * @param {number} [opts.readyTimeoutMs]
 * @returns {Promise<CodeServer>}
 */
export async function startCodeServer(opts = {}) {
  mkdirSync(runsRoot, { recursive: true });
  const runDir = mkdtempSync(path.join(runsRoot, `${opts.label ?? 'run'}-`));
  const userData = path.join(runDir, 'user-data');
  const extensionsDir = opts.extensionsDir ?? path.join(runDir, 'extensions');
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  for (const d of ['tmp', 'config', 'data']) mkdirSync(path.join(runDir, d), { recursive: true });
  writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));

  let workspace = runDir;
  if (opts.workspace) {
    workspace = path.resolve(opts.workspace);
    if (opts.copyWorkspace !== false) {
      const copy = path.join(runDir, 'workspace', path.basename(workspace));
      cpSync(workspace, copy, { recursive: true, filter: (src) => !src.split(path.sep).includes('node_modules') });
      workspace = copy;
    }
  }

  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(runDir, 'config'),
    XDG_DATA_HOME: path.join(runDir, 'data'),
    TMPDIR: path.join(runDir, 'tmp'),
  };
  if (opts.vsix) {
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
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  /** @type {number | null} */
  let exitCode = null;
  /** @type {Promise<number>} */
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exitCode = code ?? (signal ? 128 : 0)))));

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
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
    if (!process.env.EA_KEEP_RUNS) rmSync(runDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (opts.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (exitCode !== null) {
      await stop();
      throw new Error(`code-server exited with ${exitCode} before it was ready:\n${output}`);
    }
    if ((await httpStatus(`${origin}/healthz`)) === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server not healthy on ${origin} after ${(opts.readyTimeoutMs ?? 60_000) / 1000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { port, origin, workspace, runDir, extensionsDir, logs: () => output, exited, stop };
}
