// Runs the real CLI as a child process: bundled once per test file with the same esbuild settings as
// scripts/build.mjs, then executed with `node`, exactly as the published `event-architect` bin would be.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

const repoRoot = path.resolve(__dirname, '../../..');

export async function bundleCli(): Promise<string> {
  const outdir = mkdtempSync(path.join(tmpdir(), 'ea-cli-bundle-'));
  await esbuild.build({
    absWorkingDir: repoRoot,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    mainFields: ['module', 'main'],
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'silent',
  });
  return path.join(outdir, 'cli.js');
}

export function runCliProcess(cli: string, args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliRun {
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  // a colour decision must come from the test, not from the environment vitest runs in
  if (!options.env || !('FORCE_COLOR' in options.env)) delete env.FORCE_COLOR;
  if (!options.env || !('NO_COLOR' in options.env)) delete env.NO_COLOR;
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: options.cwd ?? repoRoot, env, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
