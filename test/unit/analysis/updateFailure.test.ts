// One file whose update cannot be analyzed must not stop the index: it is left out with the reason
// `analysis-error` and the error's message, the other files keep updating, and its next change brings it
// back. The failures are injected into the real engine (the analyzer has no known failing input left).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IncrementalAnalyzer, analyze } from '../../../src/core/analysis/index';
import type { AnalysisResult } from '../../../src/core/analysis/index';
import { Engine } from '../../../src/core/analysis/runtime/engine';
import { structuralHash as graphSignature } from '../../../src/core/analysis/runtime/factsHash';
import { analysisErrorChanges } from '../../../src/host/index/applyChanges';
import { removeTree, writeTree } from './tree';

const PRODUCER = (topic: string) => `import { Kafka } from 'kafkajs';\nconst producer = new Kafka({ brokers: ['k:9092'] }).producer();\nexport async function send() {\n  await producer.send({ topic: '${topic}', messages: [] });\n}\n`;
const CONSUMER = (topic: string) => `import { Kafka } from 'kafkajs';\nconst consumer = new Kafka({ brokers: ['k:9092'] }).consumer({ groupId: 'g' });\nexport async function start() {\n  await consumer.subscribe({ topic: '${topic}' });\n}\n`;

function comparable(r: AnalysisResult): unknown {
  return { detections: r.detections, flows: r.flows, skipped: r.skipped, services: r.services };
}

describe('a failing update', () => {
  const roots: string[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    roots.splice(0).forEach(removeTree);
  });

  async function project() {
    const root = writeTree({ 'package.json': '{ "name": "shop" }', 'src/producer.ts': PRODUCER('orders.created'), 'src/consumer.ts': CONSUMER('orders.created') });
    roots.push(root);
    const inc = new IncrementalAnalyzer([root]);
    const first = await inc.initialize();
    return { root, inc, first, producer: path.join(root, 'src/producer.ts'), consumer: path.join(root, 'src/consumer.ts') };
  }

  it('while reading the file: the file is skipped with the error, the rest keeps working, the next change recovers', async () => {
    const { root, inc, first, producer, consumer } = await project();
    const update = Engine.prototype.updateFile;
    vi.spyOn(Engine.prototype, 'updateFile').mockImplementation(function (this: Engine, abs: string, text?: string) {
      if (abs === producer) throw new TypeError('Converting circular structure to JSON\n    --> starting at object');
      return update.call(this, abs, text);
    });
    fs.writeFileSync(producer, PRODUCER('orders.paid'));
    await inc.updateFile(producer);
    const broken = inc.result();
    expect(broken.skipped).toEqual([{ file: 'src/producer.ts', root: 0, reason: 'analysis-error', detail: 'Converting circular structure to JSON' }]);
    expect(broken.detections.map((d) => d.file)).toEqual(['src/consumer.ts']);
    expect(analysisErrorChanges(first, broken)).toEqual(['Left src/producer.ts out of the index: analyzing it failed (Converting circular structure to JSON). It is analyzed again on its next change.']);

    // Other files still update.
    fs.writeFileSync(consumer, CONSUMER('orders.paid'));
    const delta = await inc.updateFile(consumer);
    expect(delta.upserted.map((d) => d.channel)).toEqual(['orders.paid']);

    vi.restoreAllMocks();
    await inc.updateFile(producer);
    const healed = inc.result();
    expect(analysisErrorChanges(broken, healed)).toEqual(['src/producer.ts is indexed again.']);
    expect(comparable(healed)).toEqual(comparable(await analyze([root])));
  });

  it('while linking: the updated file is left out and linking runs again without it', async () => {
    const { root, inc, producer } = await project();
    const link = Engine.prototype.link;
    let calls = 0;
    vi.spyOn(Engine.prototype, 'link').mockImplementation(function (this: Engine, signal?: AbortSignal) {
      if (calls++ === 0) throw new RangeError('Maximum call stack size exceeded');
      return link.call(this, signal);
    });
    fs.writeFileSync(producer, PRODUCER('orders.paid'));
    await inc.updateFile(producer);
    expect(inc.result().skipped.map((s) => [s.file, s.reason, s.detail])).toEqual([['src/producer.ts', 'analysis-error', 'Maximum call stack size exceeded']]);
    vi.restoreAllMocks();
    await inc.updateFile(producer);
    expect(comparable(inc.result())).toEqual(comparable(await analyze([root])));
  });

  it('an abort is not a failure: it reaches the caller and nothing is skipped', async () => {
    const { inc, producer } = await project();
    const ctrl = new AbortController();
    ctrl.abort();
    fs.writeFileSync(producer, PRODUCER('orders.paid'));
    await expect(inc.updateFile(producer, undefined, ctrl.signal)).rejects.toMatchObject({ name: 'AbortError' });
    await inc.updateFile(producer);
    expect(inc.result().skipped).toEqual([]);
  });
});

describe('export signature', () => {
  it('writes cyclic tags (a class member reading `this`) without throwing, and tells different graphs apart', () => {
    const cls: Record<string, unknown> = { k: 'cls', base: null };
    cls.members = { count: { k: 'prop', of: { k: 'prop', of: { k: 'new', of: cls, arg0: null }, name: 'sinks' }, name: 'size' } };
    expect(() => JSON.stringify(cls)).toThrow(/circular/);
    const a = graphSignature({ SseChannel: { tag: cls } });
    const other: Record<string, unknown> = { k: 'cls', base: null };
    other.members = { count: { k: 'prop', of: { k: 'prop', of: { k: 'new', of: other, arg0: null }, name: 'clients' }, name: 'size' } };
    expect(graphSignature({ SseChannel: { tag: other } })).not.toBe(a);
  });

  it('is linear on shared subtrees that JSON would expand exponentially', () => {
    let v: unknown = { k: 'lit', v: 'x' };
    for (let i = 0; i < 64; i++) v = { k: 'tpl', parts: [v, v] };
    const sig = graphSignature(v);
    expect(sig.length).toBeLessThan(10_000);
    expect(graphSignature({ a: [1, 'b', null, true], c: undefined })).toBe(graphSignature({ a: [1, 'b', null, true] }));
    expect(graphSignature([1, [2]])).not.toBe(graphSignature([[1], 2]));
  });
});
