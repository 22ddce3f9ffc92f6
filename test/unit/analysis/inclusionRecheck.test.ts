// The engine re-checks inclusion after an edit that keeps a file's import list: a file that only passed
// an imported bus around and now calls it (`bus.emit(…)`) must start being analyzed, and stop again when
// the call goes. Without the re-check its detections appear only after a full re-index.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IncrementalAnalyzer, analyze } from '../../../src/core/analysis/index';
import type { AnalysisResult } from '../../../src/core/analysis/index';
import { removeTree, summarize, writeTree } from './tree';

const EVENTS = `import { EventEmitter } from 'node:events';\nexport const bus = new EventEmitter();\nexport const fmt = (n: number) => n.toFixed(2);\n`;
const PASSES_BUS = `import { bus, fmt } from './events';\nexport const handles = [bus];\nexport const price = (n: number) => fmt(n);\n`;
const CALLS_BUS = `import { bus, fmt } from './events';\nexport const handles = [bus];\nexport const price = (n: number) => { bus.emit('price.quoted', n); return fmt(n); };\n`;

function comparable(r: AnalysisResult): unknown {
  return { detections: r.detections, flows: r.flows, skipped: r.skipped };
}

describe('inclusion re-check after an edit with the same imports', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach(removeTree));

  it('starts and stops analyzing a file that starts and stops calling an imported bus', async () => {
    const root = writeTree({ 'src/events.ts': EVENTS, 'src/price.ts': PASSES_BUS }, 'ea-recheck-');
    roots.push(root);
    const inc = new IncrementalAnalyzer([root]);
    expect(summarize(await inc.initialize())).toEqual([]);
    const file = path.join(root, 'src', 'price.ts');

    fs.writeFileSync(file, CALLS_BUS);
    const added = await inc.updateFile(file);
    expect(added.upserted.map((d) => `${d.file} ${d.kind} ${d.channel}`)).toEqual(['src/price.ts emitter.emit price.quoted']);
    expect(summarize(inc.result())).toEqual(['src/price.ts:3 emitter.emit price.quoted']);
    expect(comparable(inc.result())).toEqual(comparable(await analyze([root])));

    fs.writeFileSync(file, PASSES_BUS);
    const removed = await inc.updateFile(file);
    expect(removed.removed).toHaveLength(1);
    expect(summarize(inc.result())).toEqual([]);
    expect(comparable(inc.result())).toEqual(comparable(await analyze([root])));
  });
});
