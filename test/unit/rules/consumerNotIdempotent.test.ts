import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/rules/index';
import { brief, count, evaluateTree, pkg } from './ruleTree';

const rule = (findings: Finding[]): Finding[] => findings.filter((f) => f.ruleId === 'consumer-not-idempotent');

const kafkaConsumer = (body: string) => `import { Kafka } from 'kafkajs';
import { Pool } from 'pg';

const pool = new Pool();
const consumer = new Kafka({ clientId: 'billing', brokers: ['kafka:9092'] }).consumer({ groupId: 'billing' });
await consumer.connect();
await consumer.subscribe({ topic: 'orders.created' });
await consumer.run({
  eachMessage: async ({ message }) => {
    const order = JSON.parse(String(message.value));
${body}
  },
});
`;

describe('rule consumer-not-idempotent', () => {
  it('flags a Kafka consumer that inserts with no dedupe, and offers the idempotent-consumer scaffold', async () => {
    const { findings, kinds } = await evaluateTree({
      'package.json': pkg('billing', { kafkajs: '2.2.4', pg: '8.13.1' }),
      'src/consumer.ts': kafkaConsumer(`    await pool.query('INSERT INTO invoices (order_id, total) VALUES ($1, $2)', [order.id, order.total]);`),
    });
    expect(count(kinds, 'kafka.consume')).toBe(1);
    expect(brief(rule(findings))).toEqual(['consumer-not-idempotent warning src/consumer.ts:7']);
    const [f] = rule(findings) as typeof findings;
    expect(f?.message).toContain('Kafka topic `orders.created`');
    expect(f?.fixes.map((x) => `${x.scaffoldId}/${x.variantId ?? '?'}`)).toEqual(['idempotent-consumer/postgres']);
    expect(f?.related?.[0]?.line).toBe(11);
  });

  it('flags a BullMQ worker whose processor updates through a repository', async () => {
    const { findings, kinds } = await evaluateTree({
      'package.json': pkg('points', { bullmq: '5.34.10' }),
      'src/worker.ts': `import { Worker } from 'bullmq';
import { pointsRepository } from './repo';

new Worker('points', async (job) => {
  await pointsRepository.increment({ userId: job.data.userId }, 'balance', job.data.points);
}, { connection: { host: 'localhost' } });
`,
      'src/repo.ts': `export const pointsRepository = { increment: async (_w: object, _c: string, _n: number) => {} };
`,
    });
    expect(count(kinds, 'queue.consume')).toBe(1);
    expect(brief(rule(findings))).toEqual(['consumer-not-idempotent warning src/worker.ts:4']);
  });

  it('stays quiet with ON CONFLICT DO NOTHING, an inbox table, or an upsert', async () => {
    for (const body of [
      `    await pool.query('INSERT INTO invoices (order_id, total) VALUES ($1, $2) ON CONFLICT (order_id) DO NOTHING', [order.id, order.total]);`,
      `    await pool.query('INSERT INTO inbox (message_id) VALUES ($1)', [message.key]);\n    await pool.query('INSERT INTO invoices (order_id) VALUES ($1)', [order.id]);`,
      `    await db.invoice.upsert({ where: { orderId: order.id }, create: { orderId: order.id }, update: {} });`,
    ]) {
      const { findings, kinds } = await evaluateTree({
        'package.json': pkg('billing', { kafkajs: '2.2.4', pg: '8.13.1' }),
        'src/consumer.ts': kafkaConsumer(body).replace('const pool = new Pool();', 'const pool = new Pool();\nconst db = {} as any;'),
      });
      expect(count(kinds, 'kafka.consume')).toBe(1);
      expect(brief(findings)).toEqual([]); // no rule at all fires on a negative
    }
  });

  it('stays quiet when the consumer writes nothing durable (it sends an email)', async () => {
    const { findings, kinds } = await evaluateTree({
      'package.json': pkg('mailer', { bullmq: '5.34.10' }),
      'src/worker.ts': `import { Worker } from 'bullmq';
import { sendEmail } from './mail';

new Worker('email', async (job) => sendEmail(job.data), { connection: { host: 'localhost' } });
`,
      'src/mail.ts': `export async function sendEmail(_d: unknown): Promise<void> {}
`,
    });
    expect(count(kinds, 'queue.consume')).toBe(1);
    expect(brief(findings)).toEqual([]); // no rule at all fires on a negative
  });
});
