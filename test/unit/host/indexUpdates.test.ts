// The index as the host drives it, fuzzed: examples/shop in the real analysis worker, file events going
// through the host's ChangeBatcher and applyChanges, with every scaffold's generated output (written as
// new files, pasted into open editors, saved, reverted, deleted) and random edits. After every batch the
// index must be healthy (no failed change, no file left out for an analysis error, no worker error), and
// whenever the editors are saved it must equal a cold index of the same files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalysisWorkerClient, analyze } from '../../../src/core/analysis/index';
import type { AnalysisResult } from '../../../src/core/analysis/index';
import { SCAFFOLDS } from '../../../src/core/scaffolds/registry';
import { analysisErrorChanges, applyChanges } from '../../../src/host/index/applyChanges';
import { ChangeBatcher } from '../../../src/host/index/changeBatcher';
import type { FileChange } from '../../../src/host/index/changeBatcher';
import { isIndexedPath } from '../../../src/host/index/indexedFiles';
import { buildWorkerBundle } from '../analysis/bundle';
import { rng } from '../analysis/random';
import { removeTree } from '../analysis/tree';

const SHOP = path.resolve(__dirname, '../../../examples/shop');

let outDir = '';
let script = '';
beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ea-index-updates-'));
  script = path.join(outDir, 'analysisWorker.js');
  await buildWorkerBundle('worker.ts', script);
}, 60_000);
afterAll(() => removeTree(outDir));

interface ScaffoldFile {
  label: string;
  path: string;
  content: string;
}

/** Every file of every scaffold × variant, with the defaults the picker offers. */
function scaffoldFiles(): ScaffoldFile[] {
  const out: ScaffoldFile[] = [];
  for (const s of SCAFFOLDS) {
    const params = Object.fromEntries(s.parameters.map((p) => [p.name, p.default]));
    for (const v of s.variants) {
      for (const f of s.generate(v.id, params).files) out.push({ label: `${s.id}/${v.id}/${f.path}`, path: f.path, content: f.content });
    }
  }
  return out;
}

/** The result without timing-dependent stats. */
function comparable(r: AnalysisResult): unknown {
  return { detections: r.detections, flows: r.flows, skipped: r.skipped, services: r.services, roots: r.roots };
}

function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules') walk(p);
      } else if (isIndexedPath(p) && e.name !== 'package.json') out.push(p);
    }
  };
  walk(root);
  return out.sort();
}

/** Small edits a person makes while typing, including half-typed syntax. */
const FRAGMENTS = ['{', '}', '(', ')', "'", '`', '/*', '*/', ';', '\n', 'await ', 'producer.send({ topic: "orders.created", messages: [] });', 'export ', 'class X { get n() { return this.n } }', 'const a = b + b;'];

function randomEdit(text: string, rand: () => number, pick: <T>(xs: readonly T[]) => T): string {
  const lines = text.split('\n');
  const at = Math.floor(rand() * (lines.length + 1));
  const op = rand();
  if (op < 0.3) {
    // Type a fragment somewhere in a line.
    const line = lines[at] ?? '';
    const col = Math.floor(rand() * (line.length + 1));
    lines[at] = line.slice(0, col) + pick(FRAGMENTS) + line.slice(col);
    return lines.join('\n');
  }
  if (op < 0.55) {
    lines.splice(at, 1 + Math.floor(rand() * 6));
    return lines.join('\n');
  }
  if (op < 0.75) {
    lines.splice(at, 0, ...lines.slice(Math.max(0, at - 3), at));
    return lines.join('\n');
  }
  // Cut the text mid-token (a file being typed from the top, or a paste cut short).
  return text.slice(0, Math.floor(rand() * text.length));
}

describe('index updates driven as the host drives them', () => {
  it('stays healthy and equals a cold index through every scaffold output and random edits', async () => {
    const rand = rng(20261207);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    const root = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ea-index-fuzz-')), 'shop');
    fs.cpSync(SHOP, root, { recursive: true, filter: (src) => !src.split(path.sep).includes('node_modules') });
    const serviceDirs = fs.readdirSync(path.join(root, 'services')).map((d) => path.join(root, 'services', d));
    const client = new AnalysisWorkerClient({ scriptPath: script });
    const warnings: string[] = [];
    const log = { warn: (m: string) => warnings.push(m) };
    const signal = new AbortController().signal;
    /** Unsaved editor buffers (path → text), as onDidChangeTextDocument reports them. */
    const buffers = new Map<string, string>();
    let flushed: FileChange[][] = [];
    let timer: (() => void) | undefined;
    const batcher = new ChangeBatcher({
      delayMs: 250,
      maxWaitMs: 1000,
      stormThreshold: 500,
      flush: (changes) => flushed.push(changes),
      setTimer: (fn) => (timer = fn),
      clearTimer: () => (timer = undefined),
    });
    const textOf = (file: string): string => buffers.get(file) ?? (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
    const edit = (file: string, text: string): void => {
      buffers.set(file, text);
      batcher.push({ type: 'update', path: file, text });
    };
    const save = (file: string): void => {
      const text = buffers.get(file);
      if (text === undefined) return;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      buffers.delete(file);
      batcher.push({ type: 'update', path: file });
    };
    const writeDisk = (file: string, text: string): void => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      // The watcher ignores a change under a dirty editor: its buffer is newer.
      if (!buffers.has(file) && isIndexedPath(file)) batcher.push({ type: 'update', path: file });
    };
    let previous: AnalysisResult | undefined;
    let batches = 0;
    /** The quiet period ends: what the batcher collected goes to the worker, as IndexSession.flush does. */
    const settle = async (step: string): Promise<AnalysisResult> => {
      timer?.();
      let result = previous;
      for (const changes of flushed) {
        const applied = await applyChanges(client, changes, signal, log);
        batches++;
        expect(applied.failed, `${step}: changes the worker refused`).toEqual([]);
        expect(analysisErrorChanges(previous, applied.result), `${step}: files left out of the index`).toEqual([]);
        expect(applied.result.skipped.filter((s) => s.reason === 'analysis-error'), step).toEqual([]);
        previous = result = applied.result;
      }
      flushed = [];
      if (!result) throw new Error('no result yet');
      return result;
    };
    const expectCold = async (step: string): Promise<void> => {
      for (const file of [...buffers.keys()]) save(file);
      const incremental = await settle(step);
      const cold = await analyze([root]);
      expect(comparable(incremental), `${step}: incremental differs from a cold index`).toEqual(comparable(cold));
    };

    try {
      previous = await client.initialize([root]);
      expect(previous.detections.length).toBeGreaterThan(0);
      const files = scaffoldFiles();
      expect(files.length).toBeGreaterThan(20);
      // Every scaffold file, in a seeded order, each used two ways: as a new file in a service, and pasted
      // into an open editor (the old insert-at-cursor), followed by a few random edits and saves.
      const order = files.map((f) => ({ f, r: rand() })).sort((a, b) => a.r - b.r).map(({ f }) => f);
      let step = 0;
      for (const scaffold of order) {
        const label = `#${step} ${scaffold.label}`;
        const service = pick(serviceDirs);
        const created = path.join(service, scaffold.path);
        writeDisk(created, scaffold.content);
        if (rand() < 0.5) await settle(`${label} created`);
        const target = pick(listFiles(root).filter((f) => /\.[cm]?[jt]sx?$/.test(f)));
        const text = textOf(target);
        const cut = Math.floor(rand() * (text.length + 1));
        edit(target, text.slice(0, cut) + scaffold.content + text.slice(cut));
        await settle(`${label} pasted into ${path.relative(root, target)}`);
        for (let i = Math.floor(rand() * 4); i > 0; i--) {
          const file = pick([created, target, ...listFiles(root)]);
          if (!isIndexedPath(file)) continue;
          edit(file, randomEdit(textOf(file), rand, pick));
          if (rand() < 0.5) await settle(`${label} random edit of ${path.relative(root, file)}`);
        }
        const after = rand();
        if (after < 0.3) save(target);
        else if (after < 0.6) {
          // Closed without saving: the editor's text is dropped and the disk counts again.
          buffers.delete(target);
          batcher.push({ type: 'update', path: target });
        }
        if (rand() < 0.4) {
          buffers.delete(created);
          fs.rmSync(created, { force: true });
          batcher.push({ type: 'delete', path: created });
        }
        await settle(`${label} settled`);
        if (++step % 15 === 0) await expectCold(label);
      }
      await expectCold('end');
      expect(warnings).toEqual([]);
      expect(batches).toBeGreaterThan(files.length);
    } finally {
      await client.dispose();
      removeTree(path.dirname(root));
    }
  }, 180_000);
});
