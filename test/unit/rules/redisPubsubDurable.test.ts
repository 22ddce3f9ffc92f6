import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/rules/index';
import { brief, count, evaluateTree, pkg } from './ruleTree';

const rule = (findings: Finding[]): Finding[] => findings.filter((f) => f.ruleId === 'redis-pubsub-durable');

describe('rule redis-pubsub-durable', () => {
  it('flags an ioredis subscriber whose message listener inserts rows', async () => {
    const { findings, kinds } = await evaluateTree({
      'package.json': pkg('ledger', { ioredis: '5.4.1', pg: '8.13.1' }),
      'src/sub.ts': `import Redis from 'ioredis';
import { Pool } from 'pg';

const pool = new Pool();
const sub = new Redis();

sub.subscribe('payments.settled');
sub.on('message', async (_channel, raw) => {
  const p = JSON.parse(raw);
  await pool.query('INSERT INTO ledger (payment_id, amount) VALUES ($1, $2)', [p.id, p.amount]);
});
`,
    });
    expect(count(kinds, 'redis.subscribe')).toBe(1);
    expect(brief(rule(findings))).toEqual(['redis-pubsub-durable warning src/sub.ts:7']);
    expect(rule(findings)[0]?.related?.[0]?.line).toBe(10);
  });

  it('flags a node-redis v4 subscriber with a Prisma write in its listener', async () => {
    const { findings, kinds } = await evaluateTree({
      'package.json': pkg('ledger', { redis: '4.7.0', '@prisma/client': '6.1.0' }),
      'src/sub.ts': `import { createClient } from 'redis';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const sub = createClient().duplicate();
await sub.connect();

await sub.subscribe('payments.settled', async (raw) => {
  const p = JSON.parse(raw);
  await prisma.ledgerEntry.create({ data: { paymentId: p.id, amount: p.amount } });
});
`,
    });
    expect(count(kinds, 'redis.subscribe')).toBe(1);
    expect(brief(rule(findings))).toEqual(['redis-pubsub-durable warning src/sub.ts:8']);
    expect(rule(findings)[0]?.message).toContain('Redis channel `payments.settled`');
  });

  it('stays quiet when the handler only pushes to sockets (loss is acceptable there)', async () => {
    const { findings, kinds } = await evaluateTree({
      'package.json': pkg('fanout', { redis: '4.7.0', ws: '8.18.0' }),
      'src/sub.ts': `import { createClient } from 'redis';
import { broadcast } from './sockets';

const sub = createClient();
await sub.connect();
await sub.subscribe('prices', (raw) => {
  broadcast(raw);
});
`,
      'src/sockets.ts': `export function broadcast(_raw: string): void {}
`,
    });
    expect(count(kinds, 'redis.subscribe')).toBe(1);
    expect(brief(findings)).toEqual([]); // no rule at all fires on a negative
  });
});
