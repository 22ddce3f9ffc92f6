import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IncrementalAnalyzer, analyze } from '../../../src/core/analysis/index';
import type { AnalysisResult } from '../../../src/core/analysis/index';
import { pruneCacheDir } from '../../../src/core/analysis/runtime/cachePrune';
import { cacheFileFor, loadCache, readCacheHeader, saveCache } from '../../../src/core/analysis/runtime/persistentCache';
import type { CacheEntry } from '../../../src/core/analysis/runtime/persistentCache';
import { removeTree, writeTree } from './tree';

// A cache folder keeps only what can still answer: after a session saves, the caches of other analyzer
// versions, of workspaces that are gone and of dead writers are removed, then the oldest until the folder
// fits its budget; the index reopened from what is left still equals a cold run.

const FILES: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'prune', dependencies: { 'socket.io': '4.8.1' } }),
  'src/live.ts': `import { Server } from 'socket.io';\nconst io = new Server(3000);\nio.on('connection', (s) => s.emit('hello', 1));\n`,
  'src/util.ts': `export const twice = (n: number) => n * 2;\n`,
};
const VERSION = 'prune-test';
const MB = 1024 * 1024;
const comparable = (r: AnalysisResult): unknown => ({ detections: r.detections, flows: r.flows, skipped: r.skipped, services: r.services });

describe('index cache folder pruning', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(removeTree));

  function workspace(): string {
    const root = writeTree(FILES, 'ea-prune-ws-');
    dirs.push(root);
    const past = (Date.now() - 3_600_000) / 1000;
    for (const f of Object.keys(FILES)) fs.utimesSync(path.join(root, f), past, past);
    return root;
  }

  /** A real cache of `root` written by `version` with `exclude`, as a session of that analyzer leaves it. */
  async function cacheOf(dir: string, root: string, version: string, exclude: string[] = []): Promise<string> {
    const cacheFile = cacheFileFor(dir, { roots: [root], maxBytes: MB, exclude });
    const inc = new IncrementalAnalyzer([root], { cacheFile, analyzerVersion: version, exclude });
    await inc.initialize();
    inc.saveCache();
    return cacheFile;
  }

  /** A valid cache file written without a session (so without the pruning a session's save does). */
  function bareCache(dir: string, root: string, version: string, exclude: string[] = []): string {
    const file = cacheFileFor(dir, { roots: [root], maxBytes: MB, exclude });
    saveCache(file, { analyzerVersion: version, roots: [root], maxBytes: MB, exclude }, []);
    return file;
  }

  const age = (file: string, ms: number): void => {
    const t = (Date.now() - ms) / 1000;
    fs.utimesSync(file, t, t);
  };

  it('removes other versions, gone workspaces and dead temp files after a save; keeps what may answer', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ea-prune-dir-'));
    dirs.push(dir);
    const root = workspace();
    const other = workspace();
    const older = bareCache(dir, root, 'older-analyzer', ['legacy']);
    const otherWorkspace = bareCache(dir, other, VERSION);
    const goneRoot = workspace();
    const gone = bareCache(dir, goneRoot, VERSION);
    removeTree(goneRoot);
    const current = cacheFileFor(dir, { roots: [root], maxBytes: MB, exclude: [] });
    const deadTemp = `${current}.4242.0badf00d.tmp`;
    const liveTemp = `${current}.4343.0c0ffee0.tmp`;
    fs.writeFileSync(deadTemp, 'half a cache');
    age(deadTemp, 2 * 3600_000);
    fs.writeFileSync(liveTemp, 'another window is writing');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not ours');
    // The CLI's saved findings live and go with their cache file.
    const ownFindings = current.replace(/\.eacache$/, '.eafindings');
    const orphanFindings = gone.replace(/\.eacache$/, '.eafindings');
    fs.writeFileSync(ownFindings, '{}');
    fs.writeFileSync(orphanFindings, '{}');

    const inc = new IncrementalAnalyzer([root], { cacheFile: current, analyzerVersion: VERSION });
    await inc.initialize();
    expect(inc.saveCache()).toMatch(/^saved \d+ files.*; removed 4 old cache file\(s\)$/);
    const left = fs.readdirSync(dir).sort();
    expect(left).toEqual([path.basename(current), path.basename(ownFindings), path.basename(liveTemp), path.basename(otherWorkspace), 'notes.txt'].sort());
    expect(left).not.toContain(path.basename(older));
    expect(left).not.toContain(path.basename(gone));

    // The cache left behind answers the next session, equal to a cold run.
    const again = new IncrementalAnalyzer([root], { cacheFile: current, analyzerVersion: VERSION });
    await again.initialize();
    expect(again.initTimings?.cache).toMatch(/whole result reused$/);
    expect(comparable(again.result())).toEqual(comparable(await analyze([root])));
    expect(loadCache(otherWorkspace, { analyzerVersion: VERSION, roots: [other], maxBytes: MB, exclude: [] }).ok).toBe(true);
  });

  it('keeps the folder within its budget, oldest first, never the cache just written', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ea-prune-budget-'));
    dirs.push(dir);
    const files: string[] = [];
    for (let i = 0; i < 4; i++) files.push(await cacheOf(dir, workspace(), VERSION));
    expect(fs.readdirSync(dir)).toHaveLength(4);
    // files[3] was written last but is made the oldest: age decides, and the kept file is exempt.
    files.forEach((f, i) => age(f, (10 - i) * 3600_000));
    age(files[3] ?? '', 24 * 3600_000);
    const size = fs.statSync(files[0] ?? '').size;
    const removed = pruneCacheDir(files[3] ?? '', { analyzerVersion: VERSION, readHeader: readCacheHeader, budgetBytes: Math.floor(size * 2.5) });
    expect(removed).toEqual([path.basename(files[0] ?? ''), path.basename(files[1] ?? '')]);
    expect(fs.readdirSync(dir).sort()).toEqual([files[2], files[3]].map((f) => path.basename(f ?? '')).sort());
  });

  it('removes a cache untouched for over a month, and one whose header is unreadable', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ea-prune-stale-'));
    dirs.push(dir);
    const keep = await cacheOf(dir, workspace(), VERSION);
    const stale = await cacheOf(dir, workspace(), VERSION);
    age(stale, 31 * 24 * 3600_000);
    const noise = path.join(dir, 'index-0123456789abcdef0123.eacache');
    fs.writeFileSync(noise, Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 31) % 256)));
    expect(pruneCacheDir(keep, { analyzerVersion: VERSION, readHeader: readCacheHeader }).sort()).toEqual([path.basename(stale), path.basename(noise)].sort());
    expect(fs.readdirSync(dir)).toEqual([path.basename(keep)]);
  });

  it('an entry whose saved results are malformed is read again from the file, never trusted', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ea-prune-body-'));
    dirs.push(dir);
    const root = workspace();
    const cacheFile = path.join(dir, 'index.eacache');
    const live = fs.statSync(path.join(root, 'src/live.ts'));
    // A well-formed, checksummed file whose one entry holds bytes that are no results (a writer's bug).
    const entry: CacheEntry = { key: '0:src/live.ts', kind: 'code', size: live.size, mtimeMs: live.mtimeMs, hash: 'x', raw: Buffer.from('not a body') };
    saveCache(cacheFile, { analyzerVersion: VERSION, roots: [root], maxBytes: MB, exclude: [] }, [entry]);
    fs.utimesSync(cacheFile, new Date(), new Date());
    const inc = new IncrementalAnalyzer([root], { cacheFile, analyzerVersion: VERSION });
    await inc.initialize();
    expect(inc.initTimings?.cache).toMatch(/^1 unchanged/);
    expect(comparable(inc.result())).toEqual(comparable(await analyze([root])));
    expect(inc.result().detections.some((d) => d.file === 'src/live.ts')).toBe(true);
  });
});
