// Bounded work on hostile files: folding that doubles a string, exports built by doubling, values that
// multiply across files, wrappers multiplying detections. Each file is either analyzed with a pattern
// channel (its known prefix and a wildcard) or skipped with the reason `budget`; never a hang or a crash.
// Times are measured by scripts/fuzz and the bench, not asserted here.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IncrementalAnalyzer, analyze } from '../../../src/core/analysis/index';
import type { AnalysisResult } from '../../../src/core/analysis/index';
import { MAX_VALUE_CHARS } from '../../../src/core/analysis/extract/valueBudget';
import { structuralHash } from '../../../src/core/analysis/runtime/factsHash';
import { setWorkBudget } from '../../../src/core/analysis/extract/workBudget';
import { removeTree, writeTree } from './tree';

const KAFKA = `import { Kafka } from 'kafkajs';\nconst kafka = new Kafka({ brokers: ['k:9092'] });\nconst producer = kafka.producer();\n`;

/** The issue's shape: `const c0 = '<seed>'; const c1 = c0 + c0; … producer.send({ topic: cN })`. */
function doubling(depth: number, seedChars: number, exported = false): string {
  const exp = exported ? 'export ' : '';
  let s = `${KAFKA}${exp}const c0 = '${'x'.repeat(seedChars)}';\n`;
  for (let i = 1; i <= depth; i++) s += `${exp}const c${i} = c${i - 1} + c${i - 1};\n`;
  return `${s}export async function go() {\n  await producer.send({ topic: c${depth}, messages: [] });\n}\n`;
}

function comparable(r: AnalysisResult): unknown {
  return { detections: r.detections, flows: r.flows, skipped: r.skipped, services: r.services };
}

describe('bounded analysis of hostile files', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach(removeTree));
  const tree = (files: Record<string, string>): string => {
    const root = writeTree(files, 'ea-budget-');
    roots.push(root);
    return root;
  };

  for (const [depth, seed] of [
    [17, 4900],
    [22, 4900],
    [30, 4900],
    [24, 1],
  ] as const) {
    it(`folds a ${seed}-character seed doubled ${depth} times into a pattern channel`, async () => {
      const r = await analyze([tree({ 'src/doubling.ts': doubling(depth, seed) })]);
      expect(r.skipped).toEqual([]);
      const sends = r.detections.filter((d) => d.kind === 'kafka.produce');
      expect(sends).toHaveLength(1);
      // The known prefix up to the budget, then a wildcard: never the 2^depth-character name.
      expect(sends[0]?.channelIsPattern).toBe(true);
      expect(sends[0]?.channel).toBe(`${'x'.repeat(MAX_VALUE_CHARS)}*`);
    });
  }

  it('keeps short folded channels exact (the budget only cuts what exceeds it)', async () => {
    const r = await analyze([tree({ 'src/short.ts': doubling(3, 2) })]);
    expect(r.detections.map((d) => [d.channel, d.channelIsPattern])).toEqual([['x'.repeat(16), false]]);
  });

  it('re-indexes a file exporting the doubled chain at every depth, equal to a cold run', async () => {
    const root = tree({ 'src/chain.ts': doubling(1, 4900, true), 'src/use.ts': `${KAFKA}import { c30 } from './chain';\nexport const go = () => producer.send({ topic: c30, messages: [] });\n` });
    const inc = new IncrementalAnalyzer([root]);
    await inc.initialize();
    const file = path.join(root, 'src', 'chain.ts');
    for (const depth of [17, 20, 22, 30]) {
      fs.writeFileSync(file, doubling(depth, 4900, true));
      const delta = await inc.updateFile(file);
      expect(delta.upserted.filter((d) => d.file === 'src/chain.ts').map((d) => d.channel)).toEqual([`${'x'.repeat(MAX_VALUE_CHARS)}*`]);
    }
    // The importing file sees the exported chain once it reaches depth 30 (its c30 exists from then on).
    const cold = await analyze([root]);
    expect(comparable(inc.result())).toEqual(comparable(cold));
    expect(cold.detections.filter((d) => d.file === 'src/use.ts').map((d) => d.channel)).toEqual([`${'x'.repeat(MAX_VALUE_CHARS)}*`]);
  });

  it('skips a file whose value multiplies across a chain of files, with the reason budget, cold and incremental alike', async () => {
    // Each file's template has 40 references to the previous file's value: within budget per file, 40^4
    // resolution steps for the chain.
    const files: Record<string, string> = { 'src/v0.ts': `export const v = 'seed';\n` };
    for (let i = 1; i <= 4; i++) files[`src/v${i}.ts`] = `import { v as prev } from './v${i - 1}';\nexport const v = \`${'${prev}-'.repeat(40)}\`;\n`;
    files['src/use.ts'] = `${KAFKA}import { v } from './v4';\nexport const go = () => producer.send({ topic: v, messages: [] });\nexport const ok = () => producer.send({ topic: 'orders.created', messages: [] });\n`;
    const root = tree(files);
    const cold = await analyze([root]);
    expect(cold.skipped).toEqual([expect.objectContaining({ file: 'src/use.ts', reason: 'budget' })]);
    expect(cold.detections.filter((d) => d.file === 'src/use.ts')).toEqual([]);
    // Shortening the chain brings the file back; lengthening it again skips it again.
    const inc = new IncrementalAnalyzer([root]);
    await inc.initialize();
    expect(comparable(inc.result())).toEqual(comparable(cold));
    const v4 = path.join(root, 'src', 'v4.ts');
    fs.writeFileSync(v4, `export const v = 'short';\n`);
    await inc.updateFile(v4);
    expect(inc.result().skipped).toEqual([]);
    expect(inc.result().detections.map((d) => d.channel).sort()).toEqual(['orders.created', 'short']);
    expect(comparable(inc.result())).toEqual(comparable(await analyze([root])));
    fs.writeFileSync(v4, files['src/v4.ts'] as string);
    await inc.updateFile(v4);
    expect(comparable(inc.result())).toEqual(comparable(cold));
  });

  it('skips a file whose wrappers multiply its detections past the budget', async () => {
    let s = `import Redis from 'ioredis';\nconst redis = new Redis();\nexport function w0(ch: string) { return redis.publish(\`\${ch}.a\`, 'x'); }\n`;
    for (let i = 1; i <= 8; i++) s += `export function w${i}(ch: string) { w${i - 1}(\`\${ch}:1\`); w${i - 1}(\`\${ch}:2\`); }\n`;
    s += `export function many(id: string) {\n${Array.from({ length: 400 }, (_, i) => `  w8(\`k${i}.\${id}\`);\n`).join('')}}\n`;
    s += `many('a');\nmany('b');\n`;
    const r = await analyze([tree({ 'src/wrappers.ts': s })]);
    expect(r.skipped).toEqual([expect.objectContaining({ file: 'src/wrappers.ts', reason: 'budget' })]);
    expect(r.detections).toEqual([]);
    // Counted whole before anything is filled in (400 calls of a wrapper holding 64 constructs, and more).
    expect(Number(/^([\d,]+) detections/.exec(r.skipped[0]?.detail ?? '')?.[1]?.replace(/,/g, ''))).toBeGreaterThan(25_600);
  });

  it('gives each call of a wrapper chain within the budget one detection per kind, its first channel, incremental equal to cold', async () => {
    let s = `import Redis from 'ioredis';\nconst redis = new Redis();\nconst sub = new Redis();\n`;
    s += `export function w0(ch: string) { redis.publish(\`\${ch}.a\`, 'x'); sub.subscribe(\`\${ch}.s\`); }\n`;
    for (let i = 1; i <= 4; i++) s += `export function w${i}(ch: string) { w${i - 1}(\`\${ch}:1\`); w${i - 1}(\`\${ch}:2\`); }\n`;
    s += `export function many(id: string) {\n${Array.from({ length: 50 }, (_, i) => `  w4(\`k${i}.\${id}\`);\n`).join('')}}\n`;
    const root = tree({ 'src/wrappers.ts': s, 'src/other.ts': `import { w4 } from './wrappers';\nw4('from.other');\n` });
    const cold = await analyze([root]);
    expect(cold.skipped).toEqual([]);
    const inMany = cold.detections.filter((d) => d.enclosingFunction === 'many');
    expect(inMany).toHaveLength(100);
    expect(new Set(inMany.map((d) => d.id)).size).toBe(100);
    expect(inMany.filter((d) => d.line === 10).map((d) => [d.kind, d.channel])).toEqual([
      ['redis.publish', 'k0.*:1:1:1:1.a'],
      ['redis.subscribe', 'k0.*:1:1:1:1.s'],
    ]);
    expect(cold.detections.filter((d) => d.file === 'src/other.ts').map((d) => d.channel)).toEqual(['from.other:1:1:1:1.a', 'from.other:1:1:1:1.s']);
    const inc = new IncrementalAnalyzer([root], { scanWorkerFile: null });
    await inc.initialize();
    const file = path.join(root, 'src/wrappers.ts');
    fs.writeFileSync(file, s.replace('k0.', 'k0x.'));
    await inc.updateFile(file);
    fs.writeFileSync(file, s);
    await inc.updateFile(file);
    expect(comparable(inc.result())).toEqual(comparable(cold));
  });

  it('keeps arrays and objects built by doubling within budget', async () => {
    let s = `${KAFKA}const consumer = kafka.consumer({ groupId: 'g' });\nexport const a0 = ['t.a', 't.b'];\n`;
    for (let i = 1; i <= 20; i++) s += `export const a${i} = [...a${i - 1}, ...a${i - 1}];\n`;
    s += `export const o0 = { name: 'orders.created' };\n`;
    for (let i = 1; i <= 30; i++) s += `export const o${i} = { a: o${i - 1}, b: o${i - 1} };\n`;
    s += `export const go = async () => {\n  await consumer.subscribe({ topics: a20 });\n  await producer.send({ topic: o30${'.a'.repeat(30)}.name, messages: [] });\n};\n`;
    const r = await analyze([tree({ 'src/shapes.ts': s })]);
    expect(r.skipped).toEqual([]);
    // The object's expansion is over budget: the send has no channel rather than a hang.
    expect(r.detections.filter((d) => d.kind === 'kafka.produce').map((d) => d.channel)).toEqual([null]);
    // The array's expansion (2^21 items) is cut to its first parts: at most the two real topics, not 2^21
    // subscriptions.
    const topics = r.detections.filter((d) => d.kind === 'kafka.consume').map((d) => d.channel);
    expect(topics.length).toBeGreaterThan(0);
    expect(topics.length).toBeLessThanOrEqual(2);
    for (const t of topics) expect([null, 't.a', 't.b']).toContain(t);
  });
});

describe('structural hash of facts', () => {
  it('is equal for equal structures and differs for different ones', () => {
    const a = { exports: { X: { value: { k: 'str', v: 'orders' } } }, list: ['a', 1, null, true] };
    expect(structuralHash(a)).toBe(structuralHash(JSON.parse(JSON.stringify(a))));
    expect(structuralHash(a)).not.toBe(structuralHash({ ...a, list: ['a', '1', null, true] }));
    expect(structuralHash(['ab', 'c'])).not.toBe(structuralHash(['a', 'bc']));
    expect(structuralHash({ a: 1 })).not.toBe(structuralHash({ b: 1 }));
    expect(structuralHash([null])).not.toBe(structuralHash(['null']));
  });

  it('hashes shared parts once: a 2^60-leaf expansion and a 100,000-deep chain both finish', () => {
    let v: unknown = { k: 'str', v: 'x'.repeat(5000) };
    for (let i = 0; i < 60; i++) v = { k: 'tpl', parts: [v, v] };
    const doubled = structuralHash(v);
    expect(doubled).toMatch(/^[0-9a-z]+\.[0-9a-z]+$/);
    let chain: unknown = { k: 'lib', mod: 'ioredis', name: 'default' };
    for (let i = 0; i < 100_000; i++) chain = { k: 'prop', of: chain, name: 'x' };
    expect(structuralHash(chain)).not.toBe(doubled);
  });
});

describe('extraction step budget', () => {
  afterAll(() => setWorkBudget());

  it('skips a file whose extraction runs out of steps with the reason budget, and analyzes the others', async () => {
    const publish = (c: string): string => `import Redis from 'ioredis';\nconst redis = new Redis();\nexport const go = () => redis.publish('${c}', 'x');\n`;
    const small = publish('small');
    const large = `${publish('large')}${Array.from({ length: 400 }, (_, i) => `export const v${i} = [${i}, '${i}', { k: ${i} }];\n`).join('')}`;
    const root = writeTree({ 'src/small.ts': small, 'src/large.ts': large }, 'ea-budget-');
    try {
      // A budget between the two files' needs: the small file fits, the large one does not.
      setWorkBudget({ base: 2_000, perChar: 0 });
      const r = await analyze([root]);
      expect(r.skipped).toEqual([{ file: 'src/large.ts', root: 0, reason: 'budget', detail: 'analysis step budget exceeded (2,000 steps)' }]);
      expect(r.detections.map((d) => d.channel)).toEqual(['small']);
      setWorkBudget();
      expect((await analyze([root])).detections.map((d) => d.channel).sort()).toEqual(['large', 'small']);
    } finally {
      setWorkBudget();
      removeTree(root);
    }
  });
});
