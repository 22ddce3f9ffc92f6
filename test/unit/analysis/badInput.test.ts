import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analysis/index';
import { removeTree, summarize, writeTree } from './tree';

const PUBLISH = `import Redis from 'ioredis';\nconst redis = new Redis();\nexport const go = () => redis.publish('ok.channel', '1');\n`;

describe('bad input', () => {
  it('skips oversized, binary, minified and non-UTF-8 files with a reason and still analyzes the rest', async () => {
    const root = writeTree({
      'src/good.ts': PUBLISH,
      'src/binary.js': Buffer.from([0x63, 0x6f, 0x6e, 0x73, 0x74, 0x00, 0x01, 0x02]),
      'src/latin1.ts': Buffer.concat([Buffer.from("export const s = '"), Buffer.from([0xe9, 0xff]), Buffer.from("';\n")]),
      'src/bundle.min.js': `import Redis from 'ioredis';${'var a=1;'.repeat(1000)}new Redis().publish('min','x');\n`,
      'src/wide.js': `${'const x = 1; // padding padding padding padding padding padding padding padding padding padding\n'.repeat(10)}${`redis.publish('wide', '${'y'.repeat(300)}');\n`.repeat(40)}`,
      'src/broken.ts': `import Redis from 'ioredis';\nconst redis = new Redis();\nconst broken = ;\nexport const go = () => redis.publish('still.found', 'x');\n`,
    });
    // A 50 MB file is rejected from its size alone (never read).
    const big = path.join(root, 'src', 'huge.js');
    const fd = fs.openSync(big, 'w');
    fs.ftruncateSync(fd, 50 * 1024 * 1024);
    fs.closeSync(fd);
    try {
      const started = performance.now();
      const r = await analyze([root]);
      expect(performance.now() - started).toBeLessThan(10_000);
      const reasons = Object.fromEntries(r.skipped.map((s) => [s.file, s.reason]));
      expect(reasons).toEqual({
        'src/binary.js': 'binary',
        'src/bundle.min.js': 'minified',
        'src/huge.js': 'too-large',
        'src/latin1.ts': 'invalid-encoding',
        'src/wide.js': 'minified',
      });
      expect(r.skipped.find((s) => s.file === 'src/huge.js')?.detail).toBe('50.0 MB > 1.0 MB cap');
      // Syntax errors: TypeScript recovers, the analyzer reports what it can see.
      expect(summarize(r)).toEqual(['src/broken.ts:4 redis.publish still.found', 'src/good.ts:3 redis.publish ok.channel']);
    } finally {
      removeTree(root);
    }
  });

  it('survives a 10,000-level nested expression without a stack overflow', async () => {
    const depth = 10_000;
    const root = writeTree({
      // One bracket per line, so the file is not mistaken for a minified bundle.
      'src/deep.ts': `${PUBLISH}export const deep = ${'(\n'.repeat(depth)}1${')\n'.repeat(depth)};\nexport const arr = ${'[\n'.repeat(depth)}${']\n'.repeat(depth)};\nexport const sum = ${Array.from({ length: depth }, (_, i) => `a${i}`).join(' +\n')};\n`,
    });
    try {
      const r = await analyze([root]);
      const skip = r.skipped.find((s) => s.file === 'src/deep.ts');
      // Either analyzed up to a depth limit (detections kept) or skipped as too deep: never a crash.
      expect(skip?.reason).toBe('too-deep');
      if (r.detections.length) expect(summarize(r)).toEqual(['src/deep.ts:3 redis.publish ok.channel']);
    } finally {
      removeTree(root);
    }
  });

  it('never follows a symlink loop and honours .gitignore and excludes', async () => {
    const root = writeTree({
      '.gitignore': 'generated/\n*.local.ts\n',
      'src/app.ts': PUBLISH,
      'src/app.local.ts': PUBLISH,
      'generated/client.ts': PUBLISH,
      'node_modules/ioredis/index.js': PUBLISH,
      'dist/app.js': PUBLISH,
      'vendor/lib.ts': PUBLISH,
      'nested/.gitignore': 'secret.ts\n',
      'nested/secret.ts': PUBLISH,
      'nested/open.ts': PUBLISH,
    });
    fs.symlinkSync(path.join(root, 'src'), path.join(root, 'src', 'loop'), 'dir');
    fs.symlinkSync(root, path.join(root, 'nested', 'up'), 'dir');
    try {
      const r = await analyze([root], { exclude: ['vendor/'] });
      expect(r.detections.map((d) => d.file)).toEqual(['nested/open.ts', 'src/app.ts']);
      expect(r.skipped.filter((s) => s.reason === 'symlink-loop').map((s) => s.file).sort()).toEqual(['nested/up', 'src/loop']);
    } finally {
      removeTree(root);
    }
  });

  it('reports an unreadable root instead of throwing, and cancels through an AbortSignal', async () => {
    const r = await analyze(['/definitely/not/here']);
    expect(r.skipped).toEqual([{ root: 0, file: path.resolve('/definitely/not/here'), reason: 'unreadable', detail: 'root does not exist or cannot be read' }]);
    const root = writeTree(Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`src/f${i}.ts`, PUBLISH])));
    try {
      const ctrl = new AbortController();
      const pending = analyze([root], { signal: ctrl.signal, onProgress: (done) => { if (done === 10) ctrl.abort(); } });
      await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    } finally {
      removeTree(root);
    }
  });
});
