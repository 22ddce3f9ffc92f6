import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analysis/index';
import { summarize } from './tree';

const fixture = (name: string) => path.resolve(__dirname, '..', '..', 'fixtures', 'analysis', 'messaging', name);

/** The fixture's labels as `file:line kind channel`, in the analyzer's order. */
function expectedOf(dir: string): string[] {
  const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as {
    detections: { file: string; line: number; kind: string; channel: string | null }[];
  };
  return expected.detections
    .map((d) => `${d.file}:${d.line} ${d.kind} ${d.channel ?? 'null'}`)
    .sort();
}

describe('dual writes through helpers', () => {
  it('pairs writes and publishes reached through data-access and publishing helpers, and nothing else', async () => {
    const dir = fixture('dual-write-helpers');
    const r = await analyze([dir]);
    expect(summarize(r).sort()).toEqual(expectedOf(dir));
  });
});

describe('look-alikes from real code', () => {
  it('keeps NestJS RPC over TCP, child-process exits, NDJSON proxies, test assertions and outbox reports out', async () => {
    const dir = fixture('lookalikes-real-code');
    const r = await analyze([dir]);
    expect(summarize(r).sort()).toEqual(expectedOf(dir));
  });
});
