// Re-index benchmark driver (bundled to .cache/bench-dist/reindex.js and run in a fresh process by run.ts).
// The workspace is the corpus plus a small service folder holding one file of N lines; each iteration
// changes that file and times `IncrementalAnalyzer.updateFile` — read, parse, extract and re-link against
// the whole corpus — exactly what the extension does on save. Two edit modes:
//   full: every block's topic name changes (a full rewrite: nothing of the old tree is reusable);
//   line: one topic string in one block changes (what typing does: a one-line local edit).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { IncrementalAnalyzer } from '../../src/core/analysis';
import { idleCollector } from '../../src/core/analysis/runtime/idleGc';
import type { ReindexResult } from './report';
import { percentile } from './stats';
import { blockCount, syntheticServiceFile } from './syntheticFile';

export type EditMode = 'full' | 'line';

const WARMUP_EDITS = 5;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string' },
      lines: { type: 'string', default: '2000' },
      iterations: { type: 'string', default: '40' },
      mode: { type: 'string', default: 'full' },
    },
  });
  if (!values.corpus) throw new Error('--corpus DIR is required');
  const mode = values.mode;
  if (mode !== 'full' && mode !== 'line') throw new Error(`--mode must be full or line, not ${mode}`);
  const lines = Number(values.lines);
  const iterations = Number(values.iterations);

  const workspace = mkdtempSync(path.join(tmpdir(), 'ea-bench-reindex-'));
  try {
    mkdirSync(path.join(workspace, 'src'));
    writeFileSync(path.join(workspace, 'package.json'), JSON.stringify({ name: 'orders-service', dependencies: { kafkajs: '2.2.4', 'socket.io': '4.8.4', ioredis: '5.11.1' } }));
    const file = path.join(workspace, 'src', 'orders.service.ts');
    writeFileSync(file, syntheticServiceFile(lines, 0));

    // As the extension's analysis worker does (src/core/analysis/worker.ts): garbage is collected in the
    // idle event-loop turn after each update, which the loop below gives before the next edit.
    const collectGarbage = idleCollector();
    const analyzer = new IncrementalAnalyzer([values.corpus, workspace], collectGarbage ? { collectGarbage } : {});
    await analyzer.initialize();

    const times: number[] = [];
    const cpuTimes: number[] = [];
    // Line mode: edit i changes block i mod n only, so each text differs from the previous in one line.
    const variants: number[] = [];
    const blocks = blockCount(lines);
    for (let i = 1; i <= WARMUP_EDITS + iterations; i++) {
      // Edits reach the extension's worker as separate messages (debounced), so the event loop turns between
      // two of them; V8 runs its idle-time GC tasks there, outside the timed update, as it does in the worker.
      await new Promise((r) => setImmediate(r));
      if (mode === 'line') variants[i % blocks] = i;
      writeFileSync(file, syntheticServiceFile(lines, mode === 'line' ? variants : i));
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
      mode,
      youngGenerationMb: youngGenerationMb(),
      idleGc: collectGarbage !== null,
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

/** The young generation this process runs with (semi-space × 2), from `--max-semi-space-size`; null when
 *  Node's default applies. */
function youngGenerationMb(): number | null {
  const flag = process.execArgv.find((a) => a.startsWith('--max-semi-space-size='));
  return flag ? Number(flag.split('=')[1]) * 2 : null;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
