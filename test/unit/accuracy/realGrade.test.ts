import { describe, expect, it } from 'vitest';
import type { RealLabel } from '../../../scripts/accuracy/realcode/corpus';
import { inSubpaths } from '../../../scripts/accuracy/realcode/corpus';
import { gradeRepo } from '../../../scripts/accuracy/realcode/grade';
import type { ScoredDetection } from '../../../scripts/accuracy/score';

const label = (line: number, extra: Partial<RealLabel> = {}): RealLabel => ({
  file: 'src/a.ts',
  line,
  kind: 'kafka.produce',
  channel: 'orders',
  trap: false,
  optional: false,
  note: '',
  ...extra,
});
const found = (line: number, extra: Partial<ScoredDetection> = {}): ScoredDetection => ({
  file: 'src/a.ts',
  line,
  kind: 'kafka.produce',
  channel: 'orders',
  ...extra,
});

describe('gradeRepo (real-code scoring)', () => {
  it('matches within two lines, closest first, a channel mismatch costing half a line', () => {
    const g = gradeRepo('o/r', [label(10), label(12, { channel: 'b' })], [found(11, { channel: 'b' }), found(9, { channel: 'x' })]);
    const c = g.counts.get('kafka.produce');
    expect(c?.strictFound).toBe(2);
    // 12↔11 costs 1, 10↔11 costs 1.5: the second label takes line 11, the first takes 9 (wrong channel).
    expect(g.wrongChannels.map((w) => w.label.line)).toEqual([10]);
    expect(g.falsePositives).toEqual([]);
  });

  it('leaves lines three apart unmatched, and counts only detections in labelled files', () => {
    const g = gradeRepo('o/r', [label(10)], [found(13), found(1, { file: 'src/other.ts' })]);
    expect(g.misses).toHaveLength(1);
    expect(g.falsePositives.map((d) => d.line)).toEqual([13]);
    expect(g.counts.get('kafka.produce')?.detections).toBe(1);
  });

  it('does not count a missed optional label, but a found one is no false positive', () => {
    const g = gradeRepo('o/r', [label(5, { optional: true }), label(20, { optional: true })], [found(5)]);
    const c = g.counts.get('kafka.produce');
    expect(c).toMatchObject({ strictLabels: 0, optionalFound: 1, detections: 1, matchedDetections: 1 });
    expect(g.misses).toEqual([]);
  });

  it('hits a trap only with an unmatched detection of its kind within one line', () => {
    const trap = label(30, { trap: true, channel: null });
    expect(gradeRepo('o/r', [trap], [found(31)]).trapsHit).toHaveLength(1);
    expect(gradeRepo('o/r', [trap], [found(32)]).trapsHit).toHaveLength(0);
    expect(gradeRepo('o/r', [trap, label(31)], [found(31)]).trapsHit).toHaveLength(0);
    expect(gradeRepo('o/r', [trap], [found(30, { kind: 'kafka.consume' })]).trapsHit).toHaveLength(0);
  });

  it('scopes by labelled folder', () => {
    expect(inSubpaths('apps/api/src/x.ts', ['apps/api'])).toBe(true);
    expect(inSubpaths('apps/api2/x.ts', ['apps/api/'])).toBe(false);
    expect(inSubpaths('x.ts', ['.'])).toBe(true);
  });
});
