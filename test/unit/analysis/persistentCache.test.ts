import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IncrementalAnalyzer, analyze } from '../../../src/core/analysis/index';
import type { AnalysisResult } from '../../../src/core/analysis/index';
import { loadCache } from '../../../src/core/analysis/runtime/persistentCache';
import { removeTree, writeTree } from './tree';

// The persistent index cache is a speed-up only: whatever state it is found in (cut short, overwritten with
// noise, written by another version or another window, or older than the files), the index built from it
// equals a cold run. A cache that does not check out is discarded, and the reason is said.

const FILES: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'shop', dependencies: { kafkajs: '2.2.4', 'socket.io': '4.8.1' } }),
  'src/kafka.ts': `import { Kafka } from 'kafkajs';\nexport const producer = new Kafka({ clientId: 'a', brokers: [] }).producer();\nexport const consumer = new Kafka({ clientId: 'a', brokers: [] }).consumer({ groupId: 'g' });\n`,
  'src/orders/place.ts': `import { producer } from '../kafka';\nexport async function place() {\n  await producer.send({ topic: 'orders.placed', messages: [] });\n}\n`,
  'src/orders/ship.ts': `import { producer } from '../kafka';\nexport async function ship() {\n  await producer.send({ topic: 'orders.shipped', messages: [] });\n}\n`,
  'src/mail/worker.ts': `import { consumer } from '../kafka';\nexport async function run() {\n  await consumer.subscribe({ topic: 'orders.placed' });\n}\n`,
  'src/live.ts': `import { Server } from 'socket.io';\nconst io = new Server(3000);\nio.on('connection', (s) => s.emit('hello', 1));\n`,
  'src/util/format.ts': `export const fmt = (n: number) => n.toFixed(2);\n`,
};

const comparable = (r: AnalysisResult): unknown => ({ detections: r.detections, flows: r.flows, skipped: r.skipped, services: r.services });
const VERSION = 'robustness-test';

describe('persistent index cache', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(removeTree));

  /** A workspace whose files were last written an hour ago, and a cache folder. */
  function setup(): { root: string; cacheFile: string } {
    const root = writeTree(FILES, 'ea-cache-ws-');
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ea-cache-dir-'));
    dirs.push(root, cacheDir);
    const past = (Date.now() - 3_600_000) / 1000;
    for (const f of Object.keys(FILES)) fs.utimesSync(path.join(root, f), past, past);
    return { root, cacheFile: path.join(cacheDir, 'index.eacache') };
  }

  async function session(root: string, cacheFile: string, analyzerVersion = VERSION): Promise<IncrementalAnalyzer> {
    const inc = new IncrementalAnalyzer([root], { cacheFile, analyzerVersion });
    await inc.initialize();
    return inc;
  }

  /** Opens a session on the cache, checks its result against a cold run, returns what the cache gave. */
  async function reopenEqualsCold(root: string, cacheFile: string, analyzerVersion = VERSION): Promise<string> {
    const inc = await session(root, cacheFile, analyzerVersion);
    expect(comparable(inc.result())).toEqual(comparable(await analyze([root])));
    return inc.initTimings?.cache ?? '';
  }

  it('reuses every file of an unchanged workspace without reading or parsing it', async () => {
    const { root, cacheFile } = setup();
    const first = await session(root, cacheFile);
    expect(first.saveCache()).toMatch(/^saved \d+ files/);
    const again = await session(root, cacheFile);
    expect(again.initTimings?.cache).toBe(`${Object.keys(FILES).length} unchanged, 0 same content, 0 new or changed, 0 gone; whole result reused`);
    expect(again.initTimings?.parsed).toBe(0);
    expect(comparable(again.result())).toEqual(comparable(first.result()));
    expect(again.result().detections.length).toBeGreaterThan(3);
    // Nothing changed: nothing to write.
    expect(again.saveCache()).toBe('unchanged');
    // Linking for real afterwards gives the same result, and edits go on from there.
    expect(await again.settle()).toBe(true);
    expect(comparable(again.result())).toEqual(comparable(first.result()));
    const live = path.join(root, 'src/live.ts');
    fs.writeFileSync(live, (FILES['src/live.ts'] ?? '').replace("'hello'", "'welcome'"));
    await again.updateFile(live);
    expect(comparable(again.result())).toEqual(comparable(await analyze([root])));
  });

  it('does not reuse the whole result when a tsconfig changed, appeared or went while closed', async () => {
    const files = {
      ...FILES,
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@k/*': ['src/*'] } } }),
      'src/alias.ts': `import { producer } from '@k/kafka';\nexport const go = () => producer.send({ topic: 'via.alias', messages: [] });\n`,
    };
    const root = writeTree(files, 'ea-cache-ws-');
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ea-cache-dir-'));
    dirs.push(root, cacheDir);
    const cacheFile = path.join(cacheDir, 'index.eacache');
    const past = (Date.now() - 3_600_000) / 1000;
    for (const f of Object.keys(files)) fs.utimesSync(path.join(root, f), past, past);
    const first = await session(root, cacheFile);
    expect(first.result().detections.map((d) => d.channel)).toContain('via.alias');
    first.saveCache();
    expect(await reopenEqualsCold(root, cacheFile)).toMatch(/whole result reused$/);
    // The alias now points elsewhere: same indexed files, another result.
    fs.writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@k/*': ['lib/*'] } } }));
    expect(await reopenEqualsCold(root, cacheFile)).not.toMatch(/whole result reused/);
    const changed = await session(root, cacheFile);
    expect(changed.result().detections.map((d) => d.channel)).not.toContain('via.alias');
    changed.saveCache();
    // A nearer tsconfig appears in the folder of the importing file.
    fs.writeFileSync(path.join(root, 'src/tsconfig.json'), JSON.stringify({ compilerOptions: { baseUrl: '..', paths: { '@k/*': ['src/*'] } } }));
    expect(await reopenEqualsCold(root, cacheFile)).not.toMatch(/whole result reused/);
  });

  it('discards a truncated cache and says so', async () => {
    const { root, cacheFile } = setup();
    (await session(root, cacheFile)).saveCache();
    const full = fs.readFileSync(cacheFile);
    for (const keep of [3, 12, 40, Math.floor(full.length / 2), full.length - 1]) {
      fs.writeFileSync(cacheFile, full.subarray(0, keep));
      expect(await reopenEqualsCold(root, cacheFile)).toMatch(/^not used: (bad magic|not an index cache|truncated)/);
    }
  });

  it('discards random bytes, and a cache with one flipped byte', async () => {
    const { root, cacheFile } = setup();
    fs.writeFileSync(cacheFile, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
    expect(await reopenEqualsCold(root, cacheFile)).toMatch(/^not used: not an index cache/);
    (await session(root, cacheFile)).saveCache();
    const buf = fs.readFileSync(cacheFile);
    const at = buf.length - 100;
    buf[at] = (buf[at] ?? 0) ^ 0xff;
    fs.writeFileSync(cacheFile, buf);
    expect(await reopenEqualsCold(root, cacheFile)).toBe('not used: checksum mismatch (corrupt)');
  });

  it('discards a cache of another analyzer version, other folders or other settings', async () => {
    const { root, cacheFile } = setup();
    (await session(root, cacheFile, 'older-analyzer')).saveCache();
    expect(await reopenEqualsCold(root, cacheFile)).toBe('not used: written by another analyzer version');
    expect(loadCache(cacheFile, { analyzerVersion: VERSION, roots: ['/elsewhere'], maxBytes: 1024 * 1024, exclude: [] })).toMatchObject({ ok: false });
    (await session(root, cacheFile)).saveCache();
    expect(loadCache(cacheFile, { analyzerVersion: VERSION, roots: [root], maxBytes: 1024, exclude: [] })).toEqual({ ok: false, reason: 'written with other index settings' });
  });

  it('re-reads a file changed while closed, even with the same size and a racy mtime', async () => {
    const { root, cacheFile } = setup();
    const file = path.join(root, 'src/orders/ship.ts');
    // Written just before the save: its mtime is inside the racy window.
    fs.writeFileSync(file, FILES['src/orders/ship.ts'] ?? '');
    const written = fs.statSync(file).mtime;
    (await session(root, cacheFile)).saveCache();
    // Same length, other topic, and the mtime put back: only the content hash can tell.
    fs.writeFileSync(file, (FILES['src/orders/ship.ts'] ?? '').replace('orders.shipped', 'orders.stopped'));
    fs.utimesSync(file, written, written);
    const cache = await reopenEqualsCold(root, cacheFile);
    expect(cache).toMatch(/ 1 new or changed/);
    const inc = await session(root, cacheFile);
    expect(inc.result().detections.map((d) => d.channel)).toContain('orders.stopped');
  });

  it('follows a branch switch while closed: files changed, added, deleted, and a folder gone', async () => {
    const { root, cacheFile } = setup();
    (await session(root, cacheFile)).saveCache();
    fs.rmSync(path.join(root, 'src/mail'), { recursive: true });
    fs.writeFileSync(path.join(root, 'src/orders/cancel.ts'), `import { producer } from '../kafka';\nexport const cancel = () => producer.send({ topic: 'orders.cancelled', messages: [] });\n`);
    fs.writeFileSync(path.join(root, 'src/live.ts'), `import { Server } from 'socket.io';\nconst io = new Server(3000);\nio.on('connection', (s) => s.emit('bye', 1));\n`);
    // A file rewritten with the same bytes (checkout touches it): kept from the cache by its hash.
    fs.writeFileSync(path.join(root, 'src/orders/place.ts'), FILES['src/orders/place.ts'] ?? '');
    const cache = await reopenEqualsCold(root, cacheFile);
    expect(cache).toBe('4 unchanged, 1 same content, 2 new or changed, 1 gone');
  });

  it('two windows on one workspace: a stale writer never makes the next index wrong', async () => {
    const { root, cacheFile } = setup();
    const a = await session(root, cacheFile);
    const b = await session(root, cacheFile);
    const ship = path.join(root, 'src/orders/ship.ts');
    fs.writeFileSync(ship, (FILES['src/orders/ship.ts'] ?? '').replace('orders.shipped', 'orders.returned.by.customer'));
    await a.updateFile(ship);
    expect(a.saveCache()).toMatch(/^saved/);
    // Window B has not seen the change yet and writes its older view over A's.
    await b.updateFile(path.join(root, 'src/util/format.ts'));
    expect(b.saveCache()).toMatch(/^saved/);
    expect(await reopenEqualsCold(root, cacheFile)).toMatch(/1 new or changed/);
  });

  it('two processes writing the cache at once: a reader sees a whole cache or none, never a torn one', async () => {
    const { root, cacheFile } = setup();
    const script = path.join(path.dirname(cacheFile), 'writer.ts');
    const engine = path.resolve(__dirname, '../../../src/core/analysis/index');
    fs.writeFileSync(
      script,
      `import { IncrementalAnalyzer } from ${JSON.stringify(engine)};\n` +
        `const inc = new IncrementalAnalyzer([${JSON.stringify(root)}], { cacheFile: ${JSON.stringify(cacheFile)}, analyzerVersion: ${JSON.stringify(VERSION)} });\n` +
        `void (async () => {\n` +
        `  await inc.initialize();\n` +
        `  for (let i = 0; i < 40; i++) { await inc.updateFile(${JSON.stringify(path.join(root, 'src/live.ts'))}); inc.saveCache(); }\n` +
        `})();\n`,
    );
    const tsx = path.resolve(__dirname, '../../../node_modules/tsx/dist/cli.mjs');
    const writer = (): Promise<number | null> =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [tsx, script], { stdio: 'ignore' });
        child.on('exit', (code) => resolve(code));
      });
    const writers = Promise.all([writer(), writer()]);
    let done = false;
    void writers.then(() => (done = true));
    const reasons = new Set<string>();
    let loads = 0;
    while (!done) {
      const r = loadCache(cacheFile, { analyzerVersion: VERSION, roots: [root], maxBytes: 1024 * 1024, exclude: [] });
      reasons.add(r.ok ? 'ok' : r.reason);
      loads++;
      await new Promise((r) => setTimeout(r, 2));
    }
    expect(await writers).toEqual([0, 0]);
    expect(loads).toBeGreaterThan(5);
    expect([...reasons].filter((r) => r !== 'ok' && r !== 'no cache yet')).toEqual([]);
    expect(await reopenEqualsCold(root, cacheFile)).toMatch(/unchanged/);
    // No temp file is left behind.
    expect(fs.readdirSync(path.dirname(cacheFile)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);
});
