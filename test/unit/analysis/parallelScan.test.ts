import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analysis/index';
import type { AnalysisResult } from '../../../src/core/analysis/index';
import { PARALLEL_SCAN_MIN_FILES, parallelScan } from '../../../src/core/analysis/runtime/parallelScan';
import { walkRoots } from '../../../src/core/analysis/discovery/walk';
import { buildWorkerBundle } from './bundle';
import { removeTree, writeTree } from './tree';

// The two-thread cold scan must give exactly the single-thread result, with the real worker bundle (built
// as scripts/build.mjs builds dist/scanWorker.js), and also when the worker dies at start.
let outDir = '';
let workerFile = '';
let brokenWorker = '';
let root = '';

/** A workspace above the parallel threshold: ordinary modules, clients and their users, skips of each kind. */
function workspace(): Record<string, string | Buffer> {
  const files: Record<string, string | Buffer> = {
    'package.json': JSON.stringify({ name: 'catalog', dependencies: { kafkajs: '2.2.4', ioredis: '5.6.1' } }),
    'services/search/package.json': JSON.stringify({ name: 'search' }),
    'src/kafka.ts': `import { Kafka } from 'kafkajs';\nexport const producer = new Kafka({ brokers: ['k:9092'] }).producer();\n`,
    'src/redis.ts': `import Redis from 'ioredis';\nexport const redis = new Redis();\n`,
    'assets/logo.js': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02]),
    'vendor/bundle.min.js': `var a=1;${'function f(){return 1};'.repeat(400)}`,
  };
  for (let i = 0; i < PARALLEL_SCAN_MIN_FILES + 100; i++) {
    const dir = i % 2 === 0 ? 'src/catalog' : 'services/search/src';
    if (i % 97 === 0) files[`${dir}/publisher${i}.ts`] = `import { producer } from '${i % 2 === 0 ? '..' : '../../../src'}/kafka';\nexport const send${i} = () => producer.send({ topic: 'catalog.item-${i}', messages: [] });\n`;
    else if (i % 89 === 0) files[`${dir}/cache${i}.ts`] = `import Redis from 'ioredis';\nconst r = new Redis();\nexport const bust${i} = () => r.publish('cache:${i}', 'x');\n`;
    else files[`${dir}/item${i}.ts`] = `export interface Item${i} { id: string; price: number }\nexport const price${i} = (x: Item${i}) => x.price * ${i};\n`;
  }
  return files;
}

const comparable = (r: AnalysisResult): unknown => ({
  detections: r.detections,
  flows: r.flows,
  skipped: r.skipped,
  services: r.services,
  files: [r.stats.filesSeen, r.stats.filesParsed, r.stats.bytesRead, r.stats.lines],
});

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ea-scan-worker-'));
  workerFile = path.join(outDir, 'scanWorker.js');
  await buildWorkerBundle('scanWorker.ts', workerFile);
  brokenWorker = path.join(outDir, 'broken.js');
  fs.writeFileSync(brokenWorker, `throw new Error('scan worker failed to start');\n`);
  root = writeTree(workspace(), 'ea-parallel-scan-');
}, 60_000);

afterAll(() => {
  removeTree(outDir);
  removeTree(root);
});

describe('two-thread cold scan', () => {
  it('gives the single-thread result', async () => {
    const single = await analyze([root], { scanWorkerFile: null });
    const progress: number[] = [];
    const two = await analyze([root], { scanWorkerFile: workerFile, onProgress: (done) => progress.push(done) });
    expect(comparable(two)).toEqual(comparable(single));
    // The workspace did exercise it: detections on both sides, and every kind of skip.
    expect(single.detections.filter((d) => d.kind === 'kafka.produce').length).toBeGreaterThan(10);
    expect(single.skipped.map((s) => s.reason).sort()).toEqual(['binary', 'minified']);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(Math.max(...progress));
  }, 60_000);

  it('shares the files between both threads, in discovery order', async () => {
    // Enough reading that the worker, which starts tens of milliseconds late, still gets a share.
    const body = Array.from({ length: 60 }, (_, i) => `export const rate${i} = (x: number): number => x * ${i} + Math.round(x / ${i + 1});`).join('\n');
    const files: Record<string, string> = {};
    for (let i = 0; i < 3000; i++) files[`src/rates/r${i}.ts`] = `${body}\n// ${i}\n`;
    const big = writeTree(files, 'ea-parallel-share-');
    try {
      const { files: found } = walkRoots([big], { maxFileBytes: 1024 * 1024 });
      let share = 0;
      // Under a loaded machine the worker may start after the reading is done: a few tries.
      for (let attempt = 0; attempt < 3 && share === 0; attempt++) {
        const { states, fromWorker } = await parallelScan(found, 1024 * 1024, workerFile, undefined);
        expect(states.map((st) => st.rec.abs)).toEqual(found.map((f) => f.abs));
        expect(fromWorker).toBeLessThan(found.length);
        share = fromWorker;
      }
      expect(share).toBeGreaterThan(0);
    } finally {
      removeTree(big);
    }
  }, 60_000);

  it('reads on one thread when the worker fails', async () => {
    const single = await analyze([root], { scanWorkerFile: null });
    const fallback = await analyze([root], { scanWorkerFile: brokenWorker });
    expect(comparable(fallback)).toEqual(comparable(single));
  }, 60_000);
});
