import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PRINCIPLES,
  PRINCIPLE_AREAS,
  PRINCIPLE_IDS,
  compareWithSeed,
  getPrinciple,
  parseSeedPrinciples,
  principlesByArea,
  splitSentences,
} from '../../../src/core/principles';

const seedText = readFileSync(path.join(__dirname, '../../fixtures/seed/realtime-principles.md'), 'utf8');
const seed = parseSeedPrinciples(seedText);

describe('principle catalog', () => {
  it('holds the seven principles of the seed, in its order', () => {
    expect(seed).toHaveLength(7);
    expect(PRINCIPLES.map((p) => p.title)).toEqual(seed.map((s) => s.title));
    expect(PRINCIPLES.map((p) => p.id)).toEqual([...PRINCIPLE_IDS]);
  });

  it('keeps every sentence of the seed and invents none', () => {
    expect(compareWithSeed(PRINCIPLES, seed)).toEqual([]);
  });

  it('fails when a sentence of a principle is removed', () => {
    const target = getPrinciple('websocket-pubsub-scaling');
    const sentences = splitSentences(target.when);
    const dropped = sentences.find((s) => s.includes('10,000–30,000'));
    expect(dropped).toBeDefined();
    const mutated = PRINCIPLES.map((p) =>
      p.id === target.id ? { ...p, when: sentences.filter((s) => s !== dropped).join(' ') } : p,
    );
    expect(compareWithSeed(mutated, seed)).toEqual([`${target.title} › When: lost "${dropped}"`]);
  });

  it('fails when a sentence is invented or a principle goes missing', () => {
    const invented = PRINCIPLES.map((p) => (p.id === 'outbox-pattern' ? { ...p, why: `${p.why} Kafka is always best.` } : p));
    expect(compareWithSeed(invented, seed)).toEqual([
      'Use the Outbox Pattern for Atomic DB Update + Event Publish › Why: invented "Kafka is always best."',
    ]);
    expect(compareWithSeed(PRINCIPLES.slice(1), seed)).toEqual([`missing principle: ${seed[0]?.title}`]);
  });

  it('keeps the numbers and settings the seed names', () => {
    const all = PRINCIPLES.map((p) => [p.what, p.why, p.when, p.whenNot].join(' ')).join(' ');
    for (const fact of ['~80%', '10,000–30,000', '>10:1', '`proxy_buffering off`', '`flush_interval -1`', '<50ms', '`isMutating`', 'millions/sec', 'sub-ms']) {
      expect(all).toContain(fact);
    }
  });

  it('groups principles by area, every area used, every principle once', () => {
    const groups = principlesByArea();
    expect(groups.map((g) => g.area)).toEqual([...PRINCIPLE_AREAS]);
    expect(groups.flatMap((g) => g.principles.map((p) => p.id)).sort()).toEqual([...PRINCIPLE_IDS].sort());
  });

  it('derives a one-line summary from the first sentence of What', () => {
    expect(getPrinciple('sse-default').summary).toBe(
      'Use Server-Sent Events (SSE) as the default for any server-to-client real-time push.',
    );
    for (const p of PRINCIPLES) expect(p.what.startsWith(p.summary)).toBe(true);
  });

  it('rejects a malformed seed section with a clear message', () => {
    expect(() => parseSeedPrinciples('# T\n\n### Broken\n- **What:** x\n')).toThrow(/Broken" has no Why bullet/);
  });
});
