// Re-index benchmark driver (bundled to .cache/bench-dist/reindex.js and run in a fresh process by run.ts).
// The workspace is the corpus plus a small service folder holding one file of N lines; each iteration
// rewrites that file with different topic names and times `IncrementalAnalyzer.updateFile` — read, parse,
// extract and re-link against the whole corpus — exactly what the extension does on save.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { IncrementalAnalyzer } from '../../src/core/analysis';
import type { ReindexResult } from './report';
import { percentile } from './stats';
import { syntheticServiceFile } from './syntheticFile';

const WARMUP_EDITS = 5;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { corpus: { type: 'string' }, lines: { type: 'string', default: '2000' }, iterations: { type: 'string', default: '40' } },
  });
  if (!values.corpus) throw new Error('--corpus DIR is required');
  const lines = Number(values.lines);
  const iterations = Number(values.iterations);

  const workspace = mkdtempSync(path.join(tmpdir(), 'ea-bench-reindex-'));
  try {
    mkdirSync(path.join(workspace, 'src'));
    writeFileSync(path.join(workspace, 'package.json'), JSON.stringify({ name: 'orders-service', dependencies: { kafkajs: '2.2.4', 'socket.io': '4.8.4', ioredis: '5.11.1' } }));
    const file = path.join(workspace, 'src', 'orders.service.ts');
    writeFileSync(file, syntheticServiceFile(lines, 0));

    const analyzer = new IncrementalAnalyzer([values.corpus, workspace]);
    await analyzer.initialize();

    const times: number[] = [];
    const cpuTimes: number[] = [];
    for (let i = 1; i <= WARMUP_EDITS + iterations; i++) {
      writeFileSync(file, syntheticServiceFile(lines, i));
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      const delta = await analyzer.updateFile(file);
      const elapsed = performance.now() - started;
      const cpu = process.cpuUsage(cpuBefore);
      if (delta.upserted.length === 0) throw new Error(`edit ${i} produced no changed detections: the update was not analysed`);
      if (i > WARMUP_EDITS) {
        times.push(elapsed);
        cpuTimes.push((cpu.user + cpu.system) / 1000);
      }
    }
    const detectionsInFile = analyzer.result().detections.filter((d) => d.file === 'src/orders.service.ts').length;
    const result: ReindexResult = {
      lines,
      iterations,
      p50Ms: percentile(times, 50),
      p95Ms: percentile(times, 95),
      maxMs: Math.max(...times),
      cpuP50Ms: percentile(cpuTimes, 50),
      cpuP95Ms: percentile(cpuTimes, 95),
      detectionsInFile,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
