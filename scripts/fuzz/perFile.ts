// Per-file driver of the fuzz run (bundled and run in its own process by run.ts, one chunk at a time):
// indexes each case folder of the chunk with the incremental analyzer the extension uses, then re-indexes
// every file once (`updateFile`: read, parse, extract, re-link, as on save) and prints one JSON line per
// file with its wall and CPU time. A line `{"start": file}` precedes each update, so a hang names its file.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { IncrementalAnalyzer } from '../../src/core/analysis';

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(abs));
    else if (e.isFile()) out.push(abs);
  }
  return out.sort();
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: perFile DIR');
  // Each case is its own workspace: a file's time is its own work, not that of the other hostile cases.
  for (const entry of readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    const caseDir = path.join(dir, entry);
    process.stdout.write(`${JSON.stringify({ start: entry })}\n`);
    const analyzer = new IncrementalAnalyzer([caseDir], { scanWorkerFile: null });
    try {
      await analyzer.initialize();
    } catch (error) {
      process.stdout.write(`${JSON.stringify({ file: entry, ms: 0, cpuMs: 0, error: `initialize: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` })}\n`);
      continue;
    }
    for (const file of filesUnder(caseDir)) await timeUpdate(analyzer, path.relative(dir, file), file);
  }
}

async function timeUpdate(analyzer: IncrementalAnalyzer, rel: string, file: string): Promise<void> {
  process.stdout.write(`${JSON.stringify({ start: rel })}\n`);
  // CPU time beside wall time: on a busy machine wall time measures the other processes too.
  const started = performance.now();
  const cpu = process.cpuUsage();
  const times = (): { ms: number; cpuMs: number } => {
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
  };
  try {
    await analyzer.updateFile(file);
    process.stdout.write(`${JSON.stringify({ file: rel, ...times() })}\n`);
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ file: rel, ...times(), error: error instanceof Error ? (error.stack ?? error.message) : String(error) })}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
