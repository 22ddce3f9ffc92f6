import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeCacheFileFor, pruneCodeCaches } from '../../../src/core/analysis/runtime/codeCache';

// The worker's code caches live in the user's global storage: each update of the extension (another
// bundle) or of VS Code (another Node) leaves a few MB behind. Pruning keeps the current ones and any
// written in the last day (another window may still run the other version).

describe('code cache pruning', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('removes other versions older than a day and dead temp files; keeps the current and recent ones', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ea-v8-prune-'));
    dirs.push(dir);
    const bundle = path.join(dir, 'analysisWorker.js');
    fs.writeFileSync(bundle, '// the worker bundle');
    const current = codeCacheFileFor(dir, bundle);
    const write = (name: string, ageMs: number): string => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, 'cached data');
      const t = (Date.now() - ageMs) / 1000;
      fs.utimesSync(file, t, t);
      return name;
    };
    const day = 24 * 3600_000;
    const own = path.basename(current);
    const kept = [write(own, 3 * day), write(`${own}.typescript`, 3 * day), write('analysisWorker-aaaaaaaaaaaaaaaaaaaa.v8cache', 3600_000), 'analysisWorker.js'];
    const gone = [
      write('analysisWorker-bbbbbbbbbbbbbbbbbbbb.v8cache', 3 * day),
      write('analysisWorker-bbbbbbbbbbbbbbbbbbbb.v8cache.typescript', 3 * day),
      write(`${own}.1234.abcd1234.tmp`, 2 * day),
    ];
    kept.push(write('settings.json', 30 * day));
    expect(pruneCodeCaches(current).sort()).toEqual(gone.sort());
    expect(fs.readdirSync(dir).sort()).toEqual(kept.sort());
  });
});
