import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../scripts/accuracy/args';
import { formatKindTable, formatMisses } from '../../../scripts/accuracy/format';
import { aggregateByKind, scoreCase, totalOf } from '../../../scripts/accuracy/score';
import { DETECTION_KINDS } from '../../../src/core/analysis/types';

describe('formatKindTable', () => {
  it('prints one aligned row per kind and a total, with undefined ratios as a dash', () => {
    const score = scoreCase(
      'messaging/x',
      [
        { file: 'a.ts', line: 1, kind: 'redis.publish', channel: 'c' },
        { file: 'a.ts', line: 2, kind: 'redis.subscribe', channel: 'c' },
      ],
      [{ file: 'a.ts', line: 1, kind: 'redis.publish', channel: 'c' }],
    );
    const stats = aggregateByKind([score], DETECTION_KINDS);
    const lines = formatKindTable(stats, totalOf(stats)).split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^kind\s+expected\s+reported\s+TP\s+FP\s+FN\s+precision\s+recall\s+channel$/);
    expect(lines[2]).toMatch(/^redis\.publish\s+1\s+1\s+1\s+0\s+0\s+100\.0%\s+100\.0%\s+100\.0%$/);
    expect(lines[3]).toMatch(/^redis\.subscribe\s+1\s+0\s+0\s+0\s+1\s+—\s+0\.0%\s+—$/);
    expect(lines[5]).toMatch(/^TOTAL\s+2\s+1\s+1\s+0\s+1\s+100\.0%\s+50\.0%\s+100\.0%$/);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
  });
});

describe('formatMisses', () => {
  it('lists misses, extras and wrong channels with case/file:line', () => {
    const score = scoreCase(
      'messaging/y',
      [
        { file: 'src/a.ts', line: 4, kind: 'nats.publish', channel: 'a.b' },
        { file: 'src/a.ts', line: 9, kind: 'nats.subscribe', channel: 'a.*' },
      ],
      [
        { file: 'src/a.ts', line: 4, kind: 'nats.publish', channel: null },
        { file: 'src/b.ts', line: 1, kind: 'emitter.on', channel: 'x' },
      ],
    );
    expect(formatMisses(score)).toEqual([
      '  FN messaging/y/src/a.ts:9 nats.subscribe "a.*"',
      '  FP messaging/y/src/b.ts:1 emitter.on "x"',
      '  CH messaging/y/src/a.ts:4 nats.publish expected "a.b", got null',
    ]);
  });
});

describe('parseArgs', () => {
  it('reads the flags and filters and rejects unknown options', () => {
    expect(parseArgs(['--verbose', '--no-fail', 'messaging/kafka'])).toEqual({
      verbose: true,
      json: false,
      fail: false,
      heldout: false,
      filters: ['messaging/kafka'],
    });
    expect(parseArgs(['--json'])).toMatchObject({ json: true, fail: true, heldout: false, filters: [] });
    // The held-out set is reported, never gating.
    expect(parseArgs(['--heldout'])).toMatchObject({ heldout: true, fail: false });
    expect(parseArgs(['--strict'])).toEqual({ error: 'unknown option --strict' });
  });
});
