import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IncrementalAnalyzer } from '../../../src/core/analysis/index';
import { idleCollector } from '../../../src/core/analysis/runtime/idleGc';
import { removeTree, writeTree } from './tree';

const turn = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('idle garbage collection after updates', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach(removeTree));

  it('runs the collector once per update, after the caller has the delta', async () => {
    const root = writeTree({ 'src/a.ts': `import Redis from 'ioredis';\nconst r = new Redis();\nr.publish('a', '1');\n` });
    roots.push(root);
    let runs = 0;
    const inc = new IncrementalAnalyzer([root], { collectGarbage: () => runs++ });
    await inc.initialize();
    const file = path.join(root, 'src', 'a.ts');
    fs.writeFileSync(file, `import Redis from 'ioredis';\nconst r = new Redis();\nr.publish('b', '1');\n`);
    const delta = await inc.updateFile(file);
    // Not inside the update: the delta is back before any collection.
    expect(runs).toBe(0);
    expect(delta.upserted.map((d) => d.channel)).toEqual(['b']);
    await turn();
    expect(runs).toBe(1);
    // Two updates in one turn share one collection.
    await Promise.all([inc.updateFile(file, `import Redis from 'ioredis';\nconst r = new Redis();\nr.publish('c', '1');\n`), inc.removeFile(path.join(root, 'src', 'gone.ts'))]);
    await turn();
    expect(runs).toBe(2);
  });

  it('gives a working collector without leaving a global gc behind', () => {
    const collect = idleCollector();
    expect(collect).toBeTypeOf('function');
    expect(() => collect?.()).not.toThrow();
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
  });
});
