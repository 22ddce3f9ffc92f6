// Runs one command in a fresh process and measures it: wall time from spawn to exit, and peak RSS.
// Peak RSS of a Node child comes from a preload that records process.resourceUsage().maxRSS on exit (no
// dependency on GNU time); for native tools (ripgrep, ast-grep) /usr/bin/time is used when present.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface ProcessSample {
  wallMs: number;
  /** Peak resident set size in MB, or null when it could not be measured. */
  maxRssMb: number | null;
  /**
   * User + system CPU time in ms, or null. On a shared 2-core machine wall time swings with other load;
   * CPU time barely does, so it is reported beside wall time to tell a slow analyzer from a busy machine.
   */
  cpuMs: number | null;
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Omit<ProcessSample, 'maxRssMb' | 'cpuMs'>> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      // keep only the tail: the tools may print megabytes of matches that nobody reads
      stdout = (stdout + d).slice(-64_000);
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr = (stderr + d).slice(-64_000);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ wallMs: performance.now() - started, exitCode: code, stdout, stderr }));
  });
}

/** A fresh `node` process running `script args`, with its own peak RSS. */
export async function runNode(script: string, args: string[], nodeFlags: string[] = []): Promise<ProcessSample> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ea-bench-'));
  try {
    const probe = path.join(dir, 'rssProbe.cjs');
    const out = path.join(dir, 'rss.txt');
    writeFileSync(
      probe,
      `process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify([u.maxRSS, u.userCPUTime + u.systemCPUTime])); });\n`,
    );
    const sample = await run(process.execPath, [...nodeFlags, '--require', probe, script, ...args], process.env);
    const [kb, cpuUs] = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as [number, number]) : [Number.NaN, Number.NaN];
    return { ...sample, maxRssMb: Number.isFinite(kb) ? kb / 1024 : null, cpuMs: Number.isFinite(cpuUs) ? cpuUs / 1000 : null };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A native command; RSS (`%M`, KiB) and CPU (`%U`+`%S`, s) via GNU time when it is installed. */
export async function runNative(command: string, args: string[]): Promise<ProcessSample> {
  if (!existsSync(GNU_TIME)) return { ...(await run(command, args, process.env)), maxRssMb: null, cpuMs: null };
  const dir = mkdtempSync(path.join(tmpdir(), 'ea-bench-'));
  try {
    const out = path.join(dir, 'time.txt');
    const sample = await run(GNU_TIME, ['-f', '%M %U %S', '-o', out, command, ...args], process.env);
    const [kb, user, sys] = (readFileSync(out, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
    const cpu = (user ?? Number.NaN) + (sys ?? Number.NaN);
    return { ...sample, maxRssMb: kb !== undefined && Number.isFinite(kb) ? kb / 1024 : null, cpuMs: Number.isFinite(cpu) ? cpu * 1000 : null };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
