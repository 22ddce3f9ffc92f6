import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalysisWorkerClient, analyze } from '../../../src/core/analysis/index';
import { codeCacheFileFor } from '../../../src/core/analysis/runtime/codeCache';
import { buildWorkerBundle } from './bundle';
import { removeTree, writeTree } from './tree';

// The extension starts its worker through the code-cache bootstrap and gives it the workspace's index
// cache: a second window starts from both, and a damaged code cache only costs a normal compile.
let outDir = '';
let script = '';

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ea-worker-start-'));
  script = path.join(outDir, 'analysisWorker.js');
  await buildWorkerBundle('worker.ts', script);
}, 60_000);

afterAll(() => removeTree(outDir));

const FILES = {
  'package.json': JSON.stringify({ name: 'svc', dependencies: { nats: '2.29.3' } }),
  'tsconfig.json': '{\n  // paths\n  "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./src/*"] }, },\n}\n',
  'src/nats.ts': `import { connect } from 'nats';\nexport const nc = await connect();\n`,
  'src/orders.ts': `import { nc } from '@/nats';\nexport function placed() {\n  nc.publish('orders.placed', '');\n}\n`,
  'src/mail.ts': `import { nc } from './nats';\nnc.subscribe('orders.*');\n`,
};

async function open(root: string, codeCacheFile: string, cacheFile: string): Promise<{ client: AnalysisWorkerClient; logs: string[] }> {
  const logs: string[] = [];
  const client = new AnalysisWorkerClient({ scriptPath: script, codeCacheFile, onLog: (m) => logs.push(m) });
  await client.initialize([root], { cacheFile, analyzerVersion: 'startup-test' });
  return { client, logs };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
}

describe('analysis worker start-up', () => {
  it('the second window compiles from the code cache and indexes from the index cache, with the same result', async () => {
    const root = writeTree(FILES, 'ea-worker-start-ws-');
    const past = (Date.now() - 3_600_000) / 1000;
    for (const f of Object.keys(FILES)) fs.utimesSync(path.join(root, f), past, past);
    const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'ea-worker-start-storage-'));
    const codeCacheFile = codeCacheFileFor(storage, script);
    const cacheFile = path.join(storage, 'index.eacache');
    try {
      const first = await open(root, codeCacheFile, cacheFile);
      expect(first.client.lastTimings?.boot?.state).toBe('none');
      expect(first.client.lastTimings?.parsed).toBeGreaterThan(0);
      first.client.writeCodeCache();
      await until(() => fs.existsSync(codeCacheFile) && first.logs.some((l) => l.startsWith('Index cache saved')));
      const firstResult = await first.client.result();
      await first.client.dispose();

      const second = await open(root, codeCacheFile, cacheFile);
      const t = second.client.lastTimings;
      expect(t?.boot?.state).toBe('used');
      // The four indexed files (tsconfig.json is read for its paths, not indexed).
      expect(t?.cache).toBe('4 unchanged, 0 same content, 0 new or changed, 0 gone; whole result reused');
      expect(t?.parsed).toBe(0);
      // Nothing was parsed and the tsconfig is JSON with comments: the compiler never loaded.
      expect(t?.typescriptMs).toBe(0);
      const again = await second.client.result();
      expect(again.detections).toEqual(firstResult.detections);
      expect(again.detections).toEqual((await analyze([root])).detections);
      expect(again.flows.map((f) => f.channel)).toEqual(['orders.*', 'orders.placed']);
      await second.client.dispose();

      // A damaged code cache is noticed and ignored.
      const buf = fs.readFileSync(codeCacheFile);
      buf[buf.length - 10] = (buf[buf.length - 10] ?? 0) ^ 0xff;
      fs.writeFileSync(codeCacheFile, buf);
      const third = await open(root, codeCacheFile, cacheFile);
      expect(third.client.lastTimings?.boot?.state).toBe('corrupt');
      expect((await third.client.result()).detections).toEqual(firstResult.detections);
      await third.client.dispose();
    } finally {
      removeTree(root);
      removeTree(storage);
    }
  }, 60_000);
});
