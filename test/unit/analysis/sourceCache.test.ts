import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../../src/core/analysis/extract/extract';
import { SourceFileCache, changeRange } from '../../../src/core/analysis/extract/sourceCache';

// Incremental re-parsing (ts.updateSourceFile from the cached tree) must give exactly the facts of a fresh
// parse, whatever the edit: typing inside a string, adding and deleting lines, breaking and fixing syntax.

const BASE = `import { Kafka } from 'kafkajs';
import { Server } from 'socket.io';
import Redis from 'ioredis';

const kafka = new Kafka({ clientId: 'orders', brokers: ['localhost:9092'] });
const producer = kafka.producer();
const io = new Server(3001);
const redis = new Redis();

export async function placeOrder(customerId: string, totalCents: number): Promise<string> {
  const orderId = \`\${customerId}-\${Date.now()}\`;
  await producer.send({ topic: 'orders.created', messages: [{ key: orderId, value: JSON.stringify({ orderId, totalCents }) }] });
  io.to(\`customer:\${customerId}\`).emit('order:placed', { orderId, totalCents });
  await redis.publish('cache:invalidate', \`orders:\${customerId}\`);
  return orderId;
}

export class Notifier {
  constructor(private readonly channel: string) {}
  async ping(): Promise<void> {
    await redis.publish(this.channel, 'ping');
  }
}
`;

/** Applies a replacement of `from` (first occurrence) by `to`. */
const edit = (text: string, from: string, to: string): string => {
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`edit target not found: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
};

describe('incremental re-parse', () => {
  it('computes the changed span from the common prefix and suffix', () => {
    const r = changeRange(ts, 'const a = 1;', 'const abc = 1;');
    expect([r.span.start, r.span.length, r.newLength]).toEqual([7, 0, 2]);
    const same = changeRange(ts, 'aaaa', 'aaaa');
    expect([same.span.start, same.span.length, same.newLength]).toEqual([4, 0, 0]);
    // Repeated characters: prefix and suffix may not overlap.
    const grow = changeRange(ts, 'aa', 'aaaa');
    expect([grow.span.start, grow.span.length, grow.newLength]).toEqual([2, 0, 2]);
    const shrink = changeRange(ts, 'abcabc', 'abc');
    expect([shrink.span.start, shrink.span.length, shrink.newLength]).toEqual([3, 3, 0]);
  });

  it('gives the facts of a fresh parse after a sequence of local edits', () => {
    const file = '/ws/src/orders.service.ts';
    const cache = new SourceFileCache(3);
    const steps: [string, string][] = [
      ["'orders.created'", "'orders.created.v2'"],
      ["'order:placed'", "'order:shipped'"],
      ['  return orderId;\n', "  await redis.publish('audit', orderId);\n  return orderId;\n"],
      ["await redis.publish('audit', orderId);\n", ''],
      ['export class Notifier {', 'export class Notifier {{'], // syntax error
      ['export class Notifier {{', 'export class Notifier {'], // fixed again
      ["import Redis from 'ioredis';\n", "import Redis from 'ioredis';\nimport { Queue } from 'bullmq';\nconst mail = new Queue('mail');\n"],
      ["const mail = new Queue('mail');", "const mail = new Queue('mail');\nvoid mail.add('welcome', {});"],
      ["'cache:invalidate'", '`cache:${customerId}`'],
    ];
    let text = BASE;
    extractFacts(file, 'code', text, cache);
    for (const [from, to] of steps) {
      text = edit(text, from, to);
      const incremental = extractFacts(file, 'code', text, cache);
      const fresh = extractFacts(file, 'code', text);
      expect(JSON.stringify(incremental), `after replacing ${from}`).toBe(JSON.stringify(fresh));
    }
    // The edits did reach the facts (the test would not notice a cache that ignored them otherwise).
    expect(JSON.stringify(extractFacts(file, 'code', text, cache))).toContain('welcome');
  });

  it('keeps only the most recent files and parses evicted ones afresh', () => {
    const cache = new SourceFileCache(2);
    const files = ['/ws/a.ts', '/ws/b.ts', '/ws/c.ts'];
    for (const f of files) extractFacts(f, 'code', BASE, cache);
    for (const f of files) {
      const changed = edit(BASE, "'orders.created'", `'orders.${f.slice(4, 5)}'`);
      expect(JSON.stringify(extractFacts(f, 'code', changed, cache))).toBe(JSON.stringify(extractFacts(f, 'code', changed)));
    }
  });

  it('keeps no tree after a wide change, and keeps one again from the next local edit', () => {
    const file = '/ws/src/rewritten.ts';
    const cache = new SourceFileCache(3);
    extractFacts(file, 'code', BASE, cache);
    expect(cache.hasTree(file)).toBe(true);
    // A rewrite (every line changes): parsed afresh, and its tree is not kept for the next rewrite.
    const rewritten = BASE.replace(/'/g, '"').replace(/const /g, 'let ').split('\n').reverse().join('\n');
    expect(JSON.stringify(extractFacts(file, 'code', rewritten, cache))).toBe(JSON.stringify(extractFacts(file, 'code', rewritten)));
    expect(cache.hasTree(file)).toBe(false);
    // Typing resumes: the edit is found local against the kept text, so the tree is kept again.
    const typed = edit(rewritten, '"orders.created"', '"orders.created.v3"');
    expect(JSON.stringify(extractFacts(file, 'code', typed, cache))).toBe(JSON.stringify(extractFacts(file, 'code', typed)));
    expect(cache.hasTree(file)).toBe(true);
    const typedAgain = edit(typed, '"orders.created.v3"', '"orders.created.v4"');
    expect(JSON.stringify(extractFacts(file, 'code', typedAgain, cache))).toBe(JSON.stringify(extractFacts(file, 'code', typedAgain)));
  });
});
