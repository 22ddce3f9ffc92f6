import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCases } from '../../../scripts/accuracy/cases';
import { checkAgainstFiles, parseExpected, splitLines, type ExpectedCase } from '../../../scripts/accuracy/expected';

const fixturesRoot = path.resolve(__dirname, '..', '..', 'fixtures', 'analysis');

describe('parseExpected', () => {
  it('accepts the documented shape', () => {
    const json = { description: 'd', detections: [{ file: 'src/a.ts', line: 3, kind: 'kafka.produce', channel: 'orders.created' }] };
    expect(parseExpected(json)).toEqual({ ok: true, value: json });
  });

  it('rejects unknown kinds, non-positive lines, missing channels and unknown keys with their paths', () => {
    const result = parseExpected({
      description: 'd',
      detections: [
        { file: 'a.ts', line: 1, kind: 'kafka.publish', channel: null },
        { file: 'a.ts', line: 0, kind: 'kafka.produce', channel: null },
        { file: 'a.ts', line: 2, kind: 'kafka.produce' },
        { file: 'a.ts', line: 2, kind: 'kafka.produce', channel: null, col: 3 },
      ],
    });
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors.some((e) => e.startsWith('detections.0.kind'))).toBe(true);
    expect(errors.some((e) => e.startsWith('detections.1.line'))).toBe(true);
    expect(errors.some((e) => e.startsWith('detections.2.channel'))).toBe(true);
    expect(errors.some((e) => e.startsWith('detections.3'))).toBe(true);
  });
});

describe('checkAgainstFiles', () => {
  const files: Record<string, string> = { 'src/a.ts': 'line one\n\nline three\n' };
  const read = (file: string) => files[file];
  const label = (file: string, line: number): ExpectedCase => ({
    description: 'd',
    detections: [{ file, line, kind: 'emitter.emit', channel: null }],
  });

  it('accepts a non-blank line of an existing file', () => {
    expect(checkAgainstFiles(label('src/a.ts', 3), read)).toEqual([]);
  });

  it('reports a missing file, a line past the end, a blank line and a non-POSIX path', () => {
    expect(checkAgainstFiles(label('src/b.ts', 1), read)[0]).toMatch(/does not exist/);
    expect(checkAgainstFiles(label('src/a.ts', 4), read)[0]).toMatch(/past the end of the file \(3 lines\)/);
    expect(checkAgainstFiles(label('src/a.ts', 2), read)[0]).toMatch(/blank/);
    expect(checkAgainstFiles(label('src\\a.ts', 1), read)[0]).toMatch(/POSIX/);
    expect(checkAgainstFiles(label('../a.ts', 1), read)[0]).toMatch(/POSIX/);
  });

  it('reports exact duplicates', () => {
    const twice: ExpectedCase = { description: 'd', detections: [...label('src/a.ts', 1).detections, ...label('src/a.ts', 1).detections] };
    expect(checkAgainstFiles(twice, read)).toHaveLength(1);
  });

  it('counts lines the way editors do', () => {
    expect(splitLines('a\r\nb\rc\n')).toEqual(['a', 'b', 'c']);
    expect(splitLines('a')).toEqual(['a']);
  });
});

describe('the labelled fixtures', () => {
  const { cases, errors } = loadCases(fixturesRoot);

  it('all validate: known kinds, existing files, lines inside them', () => {
    expect(errors).toEqual([]);
    expect(cases.length).toBeGreaterThan(0);
  });

  it('cover every messaging kind with at least three cases and 150 detections in all', () => {
    const messaging = cases.filter((c) => c.family === 'messaging');
    const kinds = [
      'redis.publish', 'redis.subscribe', 'redis.stream.produce', 'redis.stream.consume', 'kafka.produce',
      'kafka.consume', 'nats.publish', 'nats.subscribe', 'amqp.publish', 'amqp.consume', 'queue.produce',
      'queue.consume', 'emitter.emit', 'emitter.on', 'outbox.table', 'outbox.relay', 'dual_write',
    ] as const;
    for (const kind of kinds) {
      const withKind = messaging.filter((c) => c.expected.detections.some((d) => d.kind === kind));
      expect(withKind.length, kind).toBeGreaterThanOrEqual(3);
    }
    const total = messaging.reduce((sum, c) => sum + c.expected.detections.length, 0);
    expect(total).toBeGreaterThanOrEqual(150);
  });
});
