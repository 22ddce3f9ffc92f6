// Per-root options (a workspace folder's own `index.exclude` and `index.maxFileSize`): each root honours
// its own excludes and size cap, on the cold scan and on incremental updates; unset fields fall back to
// the analysis-wide value (the CLI's single set).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AnalysisWorkerClient, IncrementalAnalyzer, analyze } from '../../../src/core/analysis/index';
import { buildWorkerBundle } from './bundle';
import type { AnalysisOptions, AnalysisResult } from '../../../src/core/analysis/index';
import { readNextBatch } from '../../../src/core/analysis/runtime/parallelScan';
import type { FileState } from '../../../src/core/analysis/runtime/fileState';
import { walkRoots } from '../../../src/core/analysis/discovery/walk';
import { removeTree, writeTree } from './tree';

const publisher = (channel: string, padTo = 0): string => {
  const body = `import Redis from 'ioredis';\nconst pub = new Redis();\nexport const send = () => pub.publish('${channel}', 'x');\n`;
  // Padded with short comment lines (one long line would look minified and be skipped for that).
  return padTo > body.length ? body + '// padding padding padding padding padding padding padding padding\n'.repeat(Math.ceil((padTo - body.length) / 68)) : body;
};

/** The same layout in both roots: a generated folder, a legacy folder, a small and a 2 KB file. */
function tree(name: string): Record<string, string> {
  return {
    'package.json': JSON.stringify({ name, dependencies: { ioredis: '5.4.1' } }),
    'src/small.ts': publisher(`${name}.small`),
    'src/big.ts': publisher(`${name}.big`, 2048),
    'generated/gen.ts': publisher(`${name}.generated`),
    'legacy/old.ts': publisher(`${name}.legacy`),
  };
}

/** Files with detections, per root, as `root:file`. */
function detected(result: AnalysisResult): string[] {
  return [...new Set(result.detections.map((d) => `${d.root}:${d.file}`))].sort();
}

function tooLarge(result: AnalysisResult): string[] {
  return result.skipped.filter((s) => s.reason === 'too-large').map((s) => `${s.root}:${s.file}`).sort();
}

describe('per-root exclude and size cap', () => {
  const a = writeTree(tree('alpha'), 'ea-per-root-a-');
  const b = writeTree(tree('beta'), 'ea-per-root-b-');
  afterAll(() => [a, b].forEach(removeTree));

  // Shared (window) values: exclude legacy/, cap 100 KB. Root a overrides both; root b sets nothing.
  const options: AnalysisOptions = { exclude: ['legacy/'], maxFileBytes: 100_000, perRoot: [{ exclude: ['generated/'], maxFileBytes: 1024 }, {}], scanWorkerFile: null };

  it('a cold analysis applies each root its own exclude and cap', async () => {
    const result = await analyze([a, b], options);
    expect(detected(result)).toEqual(['0:legacy/old.ts', '0:src/small.ts', '1:generated/gen.ts', '1:src/big.ts', '1:src/small.ts']);
    expect(tooLarge(result)).toEqual(['0:src/big.ts']);
  });

  it('without per-root values every root takes the single set (the CLI form)', async () => {
    const result = await analyze([a, b], { exclude: ['legacy/'], maxFileBytes: 1024, scanWorkerFile: null });
    expect(detected(result)).toEqual(['0:generated/gen.ts', '0:src/small.ts', '1:generated/gen.ts', '1:src/small.ts']);
    expect(tooLarge(result)).toEqual(['0:src/big.ts', '1:src/big.ts']);
  });

  it('incremental updates honour each root its own exclude and cap', async () => {
    const inc = new IncrementalAnalyzer([a, b], options);
    await inc.initialize();
    for (const root of [a, b]) {
      const name = root === a ? 'alpha' : 'beta';
      fs.writeFileSync(path.join(root, 'generated/more.ts'), publisher(`${name}.more`));
      fs.mkdirSync(path.join(root, 'legacy/deep'), { recursive: true });
      fs.writeFileSync(path.join(root, 'legacy/deep/older.ts'), publisher(`${name}.older`));
      fs.writeFileSync(path.join(root, 'src/big2.ts'), publisher(`${name}.big2`, 2048));
      await inc.updateFile(path.join(root, 'generated/more.ts'));
      await inc.updateFile(path.join(root, 'legacy/deep/older.ts'));
      await inc.updateFile(path.join(root, 'src/big2.ts'));
    }
    const result = inc.result();
    expect(detected(result)).toEqual([
      '0:legacy/deep/older.ts',
      '0:legacy/old.ts',
      '0:src/small.ts',
      '1:generated/gen.ts',
      '1:generated/more.ts',
      '1:src/big.ts',
      '1:src/big2.ts',
      '1:src/small.ts',
    ]);
    expect(tooLarge(result)).toEqual(['0:src/big.ts', '0:src/big2.ts']);
    // And the incremental result equals a cold run over the same trees.
    const cold = await analyze([a, b], options);
    expect(detected(result)).toEqual(detected(cold));
    expect(tooLarge(result)).toEqual(tooLarge(cold));
  });

  it('the two-thread scan reads each file with its own root’s cap', () => {
    const { files } = walkRoots([a, b], { maxFileBytes: Number.MAX_SAFE_INTEGER, statFiles: false });
    const states: FileState[] = [];
    const claims = new Int32Array(new SharedArrayBuffer(4));
    while (readNextBatch(files, claims, [1024, 100_000], (_i, st) => states.push(st))) {
      // claims every batch on this thread
    }
    const skipped = states.filter((s) => s.skip?.reason === 'too-large').map((s) => `${s.rec.rootIndex}:${s.rec.rel}`);
    expect(skipped.sort()).toEqual(['0:src/big.ts', '0:src/big2.ts']);
  });

  it('per-root options cross the worker protocol (the extension host path)', async () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ea-per-root-worker-'));
    const script = path.join(outDir, 'analysisWorker.js');
    await buildWorkerBundle('worker.ts', script);
    const client = new AnalysisWorkerClient({ scriptPath: script });
    try {
      const viaWorker = await client.initialize([a, b], { exclude: options.exclude, maxFileBytes: options.maxFileBytes, perRoot: options.perRoot });
      const inProcess = await analyze([a, b], options);
      expect(detected(viaWorker)).toEqual(detected(inProcess));
      expect(tooLarge(viaWorker)).toEqual(tooLarge(inProcess));
      expect(tooLarge(viaWorker)).toContain('0:src/big.ts');
    } finally {
      await client.dispose();
      removeTree(outDir);
    }
  }, 60_000);
});
