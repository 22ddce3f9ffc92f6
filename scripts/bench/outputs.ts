// `tsx scripts/bench/outputs.ts`: the outputs at scale, next to the analyzer benchmark (run.ts).
//   diagram summarising of a two-file workspace with 20,000 socket.io emits (and as many handlers): median
//     of 5 renders of the analyzer's real result
//   the JSON and SARIF reports of 1,000,000 synthetic detections streamed to a counting sink: wall and CPU
//     time, characters written, heap growth while writing (sampled), in this process's default heap
// Flags: --emits N (default 20,000), --detections N (default 1,000,000).
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import { jsonReportChunks } from '../../src/cli/format/jsonReport';
import { sarifChunks } from '../../src/cli/format/sarif';
import { writeChunks } from '../../src/cli/format/sink';
import { analyze } from '../../src/core/analysis';
import type { AnalysisResult, Detection } from '../../src/core/analysis/types';
import { renderFlowMermaid } from '../../src/core/render/mermaid';
import { median } from './stats';

function emitsWorkspace(emits: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ea-bench-emits-'));
  mkdirSync(path.join(dir, 'src'));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'emits', dependencies: { 'socket.io': '4.8.1' } }));
  const emit = Array.from({ length: emits }, (_, i) => `  io.emit('event${i}', payload);`);
  writeFileSync(path.join(dir, 'src', 'emit.ts'), ["import { Server } from 'socket.io';", 'const io = new Server(3000);', 'export function emitAll(payload: unknown) {', ...emit, '}', ''].join('\n'));
  const on = Array.from({ length: emits }, (_, i) => `  socket.on('event${i}', () => undefined);`);
  writeFileSync(path.join(dir, 'src', 'on.ts'), ["import { Server } from 'socket.io';", 'const io = new Server(3001);', "io.on('connection', (socket) => {", ...on, '});', ''].join('\n'));
  return dir;
}

function syntheticResult(n: number): AnalysisResult {
  const detections = new Array<Detection>(n);
  for (let i = 0; i < n; i++) {
    const file = `src/module${i % 1000}.ts`;
    detections[i] = {
      id: `${file}:${i + 1}:5:kafka.produce`,
      kind: 'kafka.produce',
      library: 'kafkajs',
      broker: 'kafka',
      role: 'producer',
      channel: `orders.${i % 5000}`,
      channelIsPattern: false,
      file,
      root: 0,
      line: i + 1,
      column: 5,
      endLine: i + 1,
      endColumn: 40,
      enclosingFunction: 'OrdersService.create',
      service: 'orders',
      snippet: "producer.send({ topic: 'orders.created' })",
    };
  }
  const stats = { filesSeen: 1000, filesParsed: 1000, bytesRead: 0, lines: 0, durationMs: 0, parseMs: 0 };
  return { schemaVersion: 1, roots: [tmpdir()], detections, flows: [], skipped: [], services: {}, stats };
}

async function streamed(chunks: Iterable<string>): Promise<{ wallMs: number; cpuMs: number; chars: number; heapGrowthMb: number }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  let chars = 0;
  let writes = 0;
  await writeChunks(chunks, {
    write(block: string) {
      chars += block.length;
      if (++writes % 50 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
      return true;
    },
  });
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000, chars, heapGrowthMb: (peak - before) / 1e6 };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { emits: { type: 'string', default: '20000' }, detections: { type: 'string', default: '1000000' } } });
  const emits = Math.max(1, Number(values.emits));
  const n = Math.max(1, Number(values.detections));
  console.log(`load average ${loadavg()[0]?.toFixed(2)}, default heap limit ${(getHeapStatistics().heap_size_limit / 1e6).toFixed(0)} MB`);

  const dir = emitsWorkspace(emits);
  try {
    const result = await analyze([dir], { maxFileBytes: 64 * 1024 * 1024 });
    const times: number[] = [];
    let shown = '';
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const diagram = renderFlowMermaid(result);
      times.push(performance.now() - started);
      shown = `${diagram.channelsShown} of ${diagram.channelsTotal} channels, ${diagram.detail} level, ${diagram.source.length} characters`;
    }
    console.log(`diagram summarising, ${emits} emits in two files (${result.detections.length} detections): median ${median(times).toFixed(1)} ms (${shown})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const big = syntheticResult(n);
  for (const [name, chunks] of [
    ['json', () => jsonReportChunks(big, (d) => d.root)],
    ['sarif', () => sarifChunks(big, (d) => d.root)],
  ] as const) {
    const r = await streamed(chunks());
    console.log(
      `${name} of ${n} detections: ${(r.wallMs / 1000).toFixed(1)} s wall, ${(r.cpuMs / 1000).toFixed(1)} s CPU, ${(r.chars / 1e6).toFixed(0)} M characters, heap +${r.heapGrowthMb.toFixed(0)} MB while writing`,
    );
  }
}

void main();
