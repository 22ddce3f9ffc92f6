import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IncrementalAnalyzer, analyze } from '../../../src/core/analysis/index';
import type { AnalysisResult } from '../../../src/core/analysis/index';
import os from 'node:os';
import { rng } from './random';
import { removeTree, writeTree } from './tree';

// Which files are parsed depends on other files: whether an imported module leads to a library, and whether
// the export a file uses can carry a construct (a bus, a client, a wrapper) or is an ordinary helper. Random
// edits flip exactly those facts (a module's exports, an importer's uses, an alias's target) and the
// incremental result must stay equal to a cold run.

const CHANNELS = ['invoice.paid', 'invoice.voided', 'mail.requested', 'audit.*'];

/** Module variants: what `events.ts` / `client.ts` export changes between a bus, a wrapper and helpers. */
const MODULES: Record<string, ((c: string) => string)[]> = {
  'src/events.ts': [
    (c) => `import { EventEmitter } from 'node:events';\nexport const bus = new EventEmitter();\nexport function announce(topic: string) {\n  bus.emit(topic, { at: Date.now() });\n}\nexport const fmt = (d: Date) => d.toISOString() + '${c}';\n`,
    (c) => `import { EventEmitter } from 'node:events';\nexport const bus = new EventEmitter();\nexport function announce(topic: string) {\n  return topic + '${c}';\n}\nexport const fmt = (d: Date) => d.toISOString();\n`,
    (c) => `import { EventEmitter } from 'node:events';\nconst inner = new EventEmitter();\nexport const bus = { emit: (e: string) => e.length };\nexport function announce(topic: string) {\n  inner.emit('${c}', topic);\n}\nexport const fmt = (d: Date) => d.toISOString();\n`,
    () => `export const bus = null;\nexport function announce(topic: string) {\n  return topic;\n}\nexport const fmt = (d: Date) => d.toISOString();\n`,
  ],
  'lib/client.ts': [
    () => `import Redis from 'ioredis';\nexport const redis = new Redis();\n`,
    () => `export const redis = { publish: (c: string, m: string) => c + m };\n`,
    () => `import Redis from 'ioredis';\nconst real = new Redis();\nexport function getRedis() {\n  return real;\n}\nexport const redis = { publish: (c: string) => c };\n`,
  ],
  'lib/legacy.js': [
    () => `const { EventEmitter } = require('events');\nclass Legacy extends EventEmitter {}\nmodule.exports = new Legacy();\n`,
    () => `module.exports = { emit(e) { return e; } };\n`,
  ],
};

/** Importer variants: named, namespace, alias, CommonJS; helper calls and construct calls. */
const IMPORTERS: ((c: string) => string)[] = [
  (c) => `import { announce, fmt } from './events';\nexport const paid = () => announce('${c}') + fmt(new Date());\n`,
  (c) => `import * as events from '@/src/events';\nexport const paid = () => events.bus.emit('${c}');\n`,
  () => `import * as events from '../src/events';\nexport const stamp = () => events.fmt(new Date());\n`,
  (c) => `import { redis } from '@/lib/client';\nexport const notify = () => redis.publish('${c}', 'x');\n`,
  (c) => `import { getRedis } from '@/lib/client';\nexport const notify = async () => (await getRedis()).publish('${c}', 'y');\n`,
  (c) => `const legacy = require('../lib/legacy');\nlegacy.emit('${c}', 1);\n`,
  (c) => `import { bus } from '../src/events';\nbus.on('${c}', () => undefined);\n`,
];
const IMPORTER_FILES = ['src/paid.ts', 'app/a.ts', 'app/b.ts', 'app/c.js'];

const comparable = (r: AnalysisResult): unknown => ({ detections: r.detections, flows: r.flows, skipped: r.skipped });

describe('incremental inclusion', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach(removeTree));

  it('equals a cold run after 200 random edits of exporting modules and their importers', async () => {
    const rand = rng(20261127);
    const pick = <T,>(xs: T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    const tree: Record<string, string> = {
      'package.json': JSON.stringify({ name: 'billing', dependencies: { ioredis: '5.6.1' } }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['./*'] } } }),
    };
    for (const [file, variants] of Object.entries(MODULES)) tree[file] = (variants[0] as (c: string) => string)(pick(CHANNELS));
    IMPORTER_FILES.forEach((file, i) => {
      tree[file] = (IMPORTERS[i] as (c: string) => string)(pick(CHANNELS));
    });
    const root = writeTree(tree, 'ea-incremental-inclusion-');
    roots.push(root);
    const inc = new IncrementalAnalyzer([root]);
    await inc.initialize();
    let comparisons = 0;
    let sawDetections = 0;
    for (let step = 0; step < 200; step++) {
      const op = rand();
      let file: string;
      let text: string | null;
      if (op < 0.4) {
        file = pick(Object.keys(MODULES));
        text = pick(MODULES[file] ?? [])(pick(CHANNELS));
      } else if (op < 0.9) {
        file = pick(IMPORTER_FILES);
        text = pick(IMPORTERS)(pick(CHANNELS));
      } else {
        file = pick([...Object.keys(MODULES), ...IMPORTER_FILES]);
        text = null;
      }
      const abs = path.join(root, file);
      if (text === null) {
        if (fs.existsSync(abs)) {
          fs.rmSync(abs);
          await inc.removeFile(abs);
        }
      } else {
        fs.mkdirSync(path.dirname(abs), { recursive: true });
        fs.writeFileSync(abs, text);
        await inc.updateFile(abs);
      }
      if (step % 4 === 3) {
        const cold = await analyze([root]);
        expect(comparable(inc.result()), `after step ${step} (${file})`).toEqual(comparable(cold));
        comparisons++;
        if (cold.detections.some((d) => IMPORTER_FILES.includes(d.file))) sawDetections++;
      }
    }
    expect(comparisons).toBe(50);
    // The importers did hold constructs along the way (the comparison is not between two empty results).
    expect(sawDetections).toBeGreaterThan(10);
  }, 60_000);

  it('equals a cold run across saves and loads of the persistent cache, with edits while closed', async () => {
    const rand = rng(20261207);
    const pick = <T,>(xs: T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    const tree: Record<string, string> = {
      'package.json': JSON.stringify({ name: 'billing', dependencies: { ioredis: '5.6.1' } }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['./*'] } } }),
    };
    for (const [file, variants] of Object.entries(MODULES)) tree[file] = (variants[0] as (c: string) => string)(pick(CHANNELS));
    IMPORTER_FILES.forEach((file, i) => {
      tree[file] = (IMPORTERS[i] as (c: string) => string)(pick(CHANNELS));
    });
    const root = writeTree(tree, 'ea-incremental-cache-');
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ea-incremental-cache-dir-'));
    roots.push(root, cacheDir);
    const options = { cacheFile: path.join(cacheDir, 'index.eacache'), analyzerVersion: 'randomized-test' };
    // Every write gets its own mtime an hour back: size + mtime decide (outside the racy window), as on a
    // disk where sessions are minutes apart.
    let clock = Date.now() - 3_600_000;
    const stamp = (abs: string): void => {
      clock += 1000;
      fs.utimesSync(abs, clock / 1000, clock / 1000);
    };
    for (const file of Object.keys(tree)) stamp(path.join(root, file));

    let inc = new IncrementalAnalyzer([root], options);
    await inc.initialize();
    let open = true;
    let reopened = 0;
    let fromCache = 0;
    let comparisons = 0;
    for (let step = 0; step < 160; step++) {
      const op = rand();
      let file: string;
      let text: string | null;
      if (op < 0.4) {
        file = pick(Object.keys(MODULES));
        text = pick(MODULES[file] ?? [])(pick(CHANNELS));
      } else if (op < 0.9) {
        file = pick(IMPORTER_FILES);
        text = pick(IMPORTERS)(pick(CHANNELS));
      } else {
        file = pick([...Object.keys(MODULES), ...IMPORTER_FILES]);
        text = null;
      }
      const abs = path.join(root, file);
      if (text === null) {
        if (fs.existsSync(abs)) {
          fs.rmSync(abs);
          if (open) await inc.removeFile(abs);
        }
      } else {
        fs.mkdirSync(path.dirname(abs), { recursive: true });
        fs.writeFileSync(abs, text);
        stamp(abs);
        // While closed, nobody tells the analyzer: the next session finds the change from the disk.
        if (open) await inc.updateFile(abs);
      }
      if (step % 8 === 7) {
        if (open) inc.saveCache();
        else {
          inc = new IncrementalAnalyzer([root], options);
          await inc.initialize();
          reopened++;
          const m = /^(\d+) unchanged, (\d+) same content/.exec(inc.initTimings?.cache ?? '');
          fromCache += Number(m?.[1] ?? 0) + Number(m?.[2] ?? 0);
        }
        open = !open;
      }
      if (open && step % 4 === 3) {
        const cold = await analyze([root]);
        expect(comparable(inc.result()), `after step ${step} (${file})`).toEqual(comparable(cold));
        comparisons++;
      }
    }
    expect(reopened).toBe(10);
    expect(comparisons).toBeGreaterThanOrEqual(20);
    // The reopened sessions did take files from the cache (the comparison is not cold against cold).
    expect(fromCache).toBeGreaterThanOrEqual(reopened * 3);
  }, 60_000);
});
