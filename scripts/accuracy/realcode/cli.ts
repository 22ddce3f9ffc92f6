// Builds the CLI of a source tree (this one, or another checkout given with --root) and runs it on a whole
// repository as a user would: `event-architect analyze <repo> --format json`.
import * as esbuild from 'esbuild';
import { NODE_SCRIPT_BUNDLE } from '../../nodeBundle';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DetectionKind } from '../../../src/core/analysis/types';

/** Bundles cli.js with the scan worker beside it (where the analyzer looks for it) into `<root>/dist/realcode/`. */
export async function buildCli(sourceRoot: string, bundlerRoot: string): Promise<string> {
  const outdir = path.join(sourceRoot, 'dist', 'realcode');
  await esbuild.build({
    absWorkingDir: sourceRoot,
    nodePaths: [path.join(bundlerRoot, 'node_modules')],
    ...NODE_SCRIPT_BUNDLE,
    entryPoints: { cli: 'src/cli/main.ts', scanWorker: 'src/core/analysis/scanWorker.ts' },
    outdir,
  });
  return path.join(outdir, 'cli.js');
}

export interface CliDetection {
  kind: DetectionKind;
  file: string;
  line: number;
  channel: string | null;
}

export interface CliRun {
  detections: CliDetection[];
  wallMs: number;
  exitCode: number;
  stderr: string;
}

export async function runCli(cli: string, dir: string): Promise<CliRun> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'ea-realcode-'));
  const out = path.join(outDir, 'analysis.json');
  const started = performance.now();
  const { exitCode, stderr } = await new Promise<{ exitCode: number; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [cli, 'analyze', dir, '--format', 'json', '--quiet', '--out', out], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('close', (code) => resolve({ exitCode: code ?? 4, stderr: err }));
  });
  const wallMs = performance.now() - started;
  let detections: CliDetection[] = [];
  try {
    const report = JSON.parse(readFileSync(out, 'utf8')) as { detections: CliDetection[] };
    detections = report.detections.map((d) => ({ kind: d.kind, file: d.file, line: d.line, channel: d.channel }));
  } catch {
    // A run without output is graded as finding nothing; exitCode and stderr say why.
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  return { detections, wallMs, exitCode, stderr };
}
