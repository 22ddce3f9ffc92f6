// Child processes of the fuzz and hostile-file measurements: bundles of the CLI and the per-file driver,
// and a runner that reports wall time, CPU time (from a preload), exit code, signal and timeout.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { NODE_SCRIPT_BUNDLE } from '../nodeBundle';

const repoRoot = path.resolve(__dirname, '..', '..');

export interface ProcResult {
  code: number | null;
  /** User + system CPU time of the process (from a preload), or null when it died before reporting. */
  cpuMs: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  wallMs: number;
  stdout: string;
  stderr: string;
}

/** A preload reporting the process's CPU time on stderr at exit (wall time swings with other load). */
let cpuPreload = '';

export function writeCpuPreload(dir: string): void {
  cpuPreload = path.join(dir, 'cpu-preload.js');
  writeFileSync(cpuPreload, "process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeSync(2, `\\n@@cpu ${(u.userCPUTime + u.systemCPUTime) / 1000}\\n`); });\n");
}

export function runNode(script: string, args: string[], timeoutMs: number, onLine?: (line: string) => void): Promise<ProcResult> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--require', cpuPreload, script, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    let stderrTail = '';
    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      if (!onLine) {
        stdout += d;
        return;
      }
      pending += d;
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        onLine(pending.slice(0, nl));
        pending = pending.slice(nl + 1);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      if (stderr.length < 20_000) stderr += d;
      stderrTail = (stderrTail + d).slice(-400);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const m = /@@cpu (\d+(?:\.\d+)?)/.exec(stderrTail);
      resolve({ code, signal, timedOut, cpuMs: m ? Number(m[1]) : null, wallMs: performance.now() - started, stdout, stderr: stderr.replace(/\n?@@cpu .*\n/, '') });
    });
  });
}

export async function bundle(outdir: string): Promise<{ cli: string; perFile: string }> {
  await esbuild.build({
    absWorkingDir: repoRoot,
    ...NODE_SCRIPT_BUNDLE,
    // The scan worker sits next to the CLI, where the analyzer looks for it (as in dist/).
    entryPoints: { cli: 'src/cli/main.ts', perFile: 'scripts/fuzz/perFile.ts', scanWorker: 'src/core/analysis/scanWorker.ts' },
    outdir,
  });
  return { cli: path.join(outdir, 'cli.js'), perFile: path.join(outdir, 'perFile.js') };
}

