import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalysisWorkerClient, analyze } from '../../../src/core/analysis/index';
import { buildWorkerBundle } from './bundle';
import { removeTree, writeTree } from './tree';

// The real worker bundle, built the way scripts/build.mjs builds dist/analysisWorker.js.
let outDir = '';
let script = '';

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ea-worker-'));
  script = path.join(outDir, 'analysisWorker.js');
  await buildWorkerBundle('worker.ts', script);
}, 60_000);

afterAll(() => removeTree(outDir));

const SOURCE = `import { connect } from 'nats';\nexport async function go() {\n  const nc = await connect();\n  nc.publish('orders.created', '');\n  nc.subscribe('orders.*');\n}\n`;

describe('analysis worker', () => {
  it('initializes, updates, renames and removes through typed messages, matching the in-process result', async () => {
    const root = writeTree({ 'src/nats.ts': SOURCE });
    const progress: number[] = [];
    const client = new AnalysisWorkerClient({ scriptPath: script, onProgress: (done) => progress.push(done) });
    try {
      const first = await client.initialize([root]);
      const cold = await analyze([root]);
      expect(first.detections).toEqual(cold.detections);
      expect(first.flows.map((f) => f.id)).toEqual(['nats:orders.*', 'nats:orders.created']);
      expect(progress.at(-1)).toBe(1);

      const file = path.join(root, 'src', 'nats.ts');
      fs.writeFileSync(file, SOURCE.replace("'orders.created'", "'orders.paid'"));
      const delta = await client.updateFile(file);
      expect(delta.upserted.map((d) => d.channel)).toEqual(['orders.paid']);

      const moved = path.join(root, 'lib', 'nats.ts');
      fs.mkdirSync(path.dirname(moved));
      fs.renameSync(file, moved);
      const renamed = await client.renameFile(file, moved);
      expect(renamed.upserted.map((d) => d.file)).toEqual(['lib/nats.ts', 'lib/nats.ts']);

      fs.rmSync(moved);
      const gone = await client.removeFile(moved);
      expect(gone.removed).toHaveLength(2);
      expect((await client.result()).detections).toEqual([]);
    } finally {
      await client.dispose();
      removeTree(root);
    }
  }, 60_000);

  it('cancels a running analysis and rejects requests after dispose', async () => {
    const root = writeTree(Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`src/f${i}.ts`, SOURCE])));
    const client = new AnalysisWorkerClient({ scriptPath: script });
    try {
      const ctrl = new AbortController();
      const pending = client.initialize([root], {}, ctrl.signal);
      ctrl.abort();
      await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
      // The worker stays usable after a cancellation.
      const again = await client.initialize([root]);
      expect(again.detections).toHaveLength(800);
    } finally {
      await client.dispose();
      removeTree(root);
    }
    await expect(client.result()).rejects.toThrow('analysis worker disposed');
  }, 60_000);

  it('reports a worker that cannot start instead of hanging', async () => {
    const client = new AnalysisWorkerClient({ scriptPath: path.join(outDir, 'missing.js') });
    await expect(client.initialize(['/tmp'])).rejects.toThrow();
    await client.dispose();
  });
});
