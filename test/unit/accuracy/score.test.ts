import { describe, expect, it } from 'vitest';
import { aggregateByKind, failingKinds, scoreCase, totalOf, type ScoredDetection } from '../../../scripts/accuracy/score';
import { DETECTION_KINDS } from '../../../src/core/analysis/types';

const produce = (line: number, channel: string | null = 'orders.created'): ScoredDetection => ({
  file: 'src/orders.ts',
  line,
  kind: 'kafka.produce',
  channel,
});

describe('scoreCase', () => {
  it('counts matches, extra reports and misses by file, line and kind', () => {
    const expected = [produce(10), produce(20), { ...produce(30), kind: 'dual_write' as const, channel: null }];
    const reported = [produce(10), produce(21), { ...produce(30), kind: 'dual_write' as const, channel: null }, produce(40)];
    const score = scoreCase('messaging/kafka', expected, reported);
    expect(score.truePositives.map((t) => t.expected.line)).toEqual([10, 30]);
    expect(score.falsePositives.map((d) => d.line)).toEqual([21, 40]);
    expect(score.falseNegatives.map((d) => d.line)).toEqual([20]);
  });

  it('treats another kind on the right line as both a false positive and a false negative', () => {
    const score = scoreCase('c', [produce(5)], [{ ...produce(5), kind: 'kafka.consume' }]);
    expect(score.truePositives).toHaveLength(0);
    expect(score.falsePositives).toHaveLength(1);
    expect(score.falseNegatives).toHaveLength(1);
  });

  it('grades a wrong channel as a true positive with a channel miss, not as FP + FN', () => {
    const score = scoreCase('c', [produce(5, 'orders.created')], [produce(5, null)]);
    expect(score.truePositives).toEqual([{ expected: produce(5, 'orders.created'), reported: produce(5, null), channelMatches: false }]);
    expect(score.falsePositives).toHaveLength(0);
    expect(score.falseNegatives).toHaveLength(0);
  });

  it('pairs several detections on one line by channel first, whatever the reported order', () => {
    const expected = [produce(7, 'a'), produce(7, 'b')];
    const score = scoreCase('c', expected, [produce(7, 'b'), produce(7, 'a'), produce(7, 'c')]);
    expect(score.truePositives.every((t) => t.channelMatches)).toBe(true);
    expect(score.falsePositives).toEqual([produce(7, 'c')]);
  });

  it('counts a duplicated report on one line once and the copy as a false positive', () => {
    const score = scoreCase('c', [produce(3)], [produce(3), produce(3)]);
    expect(score.truePositives).toHaveLength(1);
    expect(score.falsePositives).toHaveLength(1);
  });
});

describe('aggregateByKind', () => {
  it('sums per kind, computes precision, recall and channel accuracy, and leaves unseen kinds out', () => {
    const a = scoreCase('a', [produce(1), produce(2, 'x')], [produce(1), produce(2, 'y'), produce(9)]);
    const b = scoreCase('b', [{ ...produce(4), kind: 'nats.publish' }], []);
    const stats = aggregateByKind([a, b], DETECTION_KINDS);
    expect(stats.map((s) => s.kind)).toEqual(['kafka.produce', 'nats.publish']);
    const [kafka, nats] = stats;
    expect(kafka).toMatchObject({ expected: 2, reported: 3, truePositives: 2, falsePositives: 1, falseNegatives: 0, channelMatches: 1 });
    expect(kafka?.precision).toBeCloseTo(2 / 3);
    expect(kafka?.recall).toBe(1);
    expect(kafka?.channelAccuracy).toBe(0.5);
    expect(nats).toMatchObject({ expected: 1, reported: 0, precision: null, recall: 0, channelAccuracy: null });
    expect(totalOf(stats)).toMatchObject({ expected: 3, reported: 3, truePositives: 2, falsePositives: 1, falseNegatives: 1 });
  });
});

describe('failingKinds', () => {
  it('fails kinds under 95% precision or 90% recall and ignores kinds without expectations', () => {
    const expected = Array.from({ length: 10 }, (_, i) => produce(i + 1));
    const nineFound = scoreCase('a', expected, expected.slice(0, 9));
    const withNoise = scoreCase('b', [produce(1)], [produce(1), produce(2)]);
    const onlyNoise = scoreCase('c', [], [{ ...produce(1), kind: 'ws.emit' }]);
    expect(failingKinds(aggregateByKind([nineFound], DETECTION_KINDS))).toEqual([]);
    expect(failingKinds(aggregateByKind([nineFound, withNoise], DETECTION_KINDS))).toEqual([
      'kafka.produce: precision 0.909 < 0.95',
    ]);
    const eightFound = scoreCase('d', expected, expected.slice(0, 8));
    expect(failingKinds(aggregateByKind([eightFound, onlyNoise], DETECTION_KINDS))).toEqual(['kafka.produce: recall 0.800 < 0.9']);
  });
});
