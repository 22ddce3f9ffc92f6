// A fixed-seed slice of the fuzz run (`npm run fuzz` runs thousands of these files): one case of every
// hostile family, analyzed cold and through the CLI's outputs, then re-indexed file by file. Nothing
// throws, every skip has a known reason, the CLI exits 0 in every format, and after re-indexing every
// file the incremental result equals the cold one.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IncrementalAnalyzer, analyze } from '../../../src/core/analysis/index';
import type { AnalysisResult } from '../../../src/core/analysis/index';
import { runCli } from '../../../src/cli/run';
import { FAMILIES, generateCase } from '../../../scripts/fuzz/generators';
import type { FuzzCase } from '../../../scripts/fuzz/generators';
import { removeTree, writeTree } from './tree';

const SEED = 20261207;
/** Cases above this size are left to the full run (the slice stays a few seconds). */
const MAX_CASE_BYTES = 60_000;
/** A guard against a hang only (times are measured by the fuzz run, not asserted). */
const HANG_GUARD_MS = 180_000;
const SKIP_REASONS = ['too-large', 'binary', 'minified', 'unreadable', 'invalid-encoding', 'symlink-loop', 'parse-error', 'too-deep', 'budget'];

function caseBytes(c: FuzzCase): number {
  return Object.values(c.files).reduce((n, v) => n + (typeof v === 'string' ? Buffer.byteLength(v) : v.length), 0);
}

function sliceFiles(): Record<string, string | Buffer> {
  const files: Record<string, string | Buffer> = {};
  let taken = 0;
  for (let i = 0; taken < FAMILIES.length && i < FAMILIES.length * 20; i++) {
    const c = generateCase(SEED, i);
    if (caseBytes(c) > MAX_CASE_BYTES) continue;
    taken++;
    for (const [rel, content] of Object.entries(c.files)) files[`case-${i}-${c.family}/${rel}`] = content;
  }
  return files;
}

function comparable(r: AnalysisResult): unknown {
  return { detections: r.detections, flows: r.flows, skipped: r.skipped, services: r.services };
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
}

describe('fuzz slice (fixed seed)', () => {
  const root = writeTree(sliceFiles(), 'ea-fuzz-slice-');
  afterAll(() => removeTree(root));

  it('analyzes every hostile family without a crash, with known skip reasons', async () => {
    const r = await analyze([root]);
    for (const s of r.skipped) expect(SKIP_REASONS).toContain(s.reason);
    expect(r.detections.length).toBeGreaterThan(0);
    // The doubling families are cut to the value budget, never materialized.
    for (const d of r.detections.filter((x) => x.file.includes('doubling'))) expect(d.channel?.length ?? 0).toBeLessThanOrEqual(1025);
  }, HANG_GUARD_MS);

  it('exits 0 in every output format', async () => {
    for (const format of ['json', 'sarif', 'text', 'mermaid']) {
      let out = '';
      let err = '';
      const code = await runCli(['analyze', root, '--format', format], { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env: { NO_COLOR: '1' }, cwd: root });
      expect({ format, code, err }).toEqual({ format, code: 0, err: '' });
      expect(out.length).toBeGreaterThan(0);
      if (format === 'json' || format === 'sarif') expect(() => JSON.parse(out) as unknown).not.toThrow();
    }
  }, HANG_GUARD_MS);

  it('re-indexes every file and still equals a cold run', async () => {
    const inc = new IncrementalAnalyzer([root]);
    await inc.initialize();
    for (const file of filesUnder(root)) await inc.updateFile(file);
    expect(comparable(inc.result())).toEqual(comparable(await analyze([root])));
  }, HANG_GUARD_MS);
});
