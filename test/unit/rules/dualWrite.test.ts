import { describe, expect, it } from 'vitest';
import { brief, count, evaluateTree, findingsFor, pkg } from './ruleTree';

describe('rule dual-write', () => {
  it('flags a pg write followed by a Kafka publish and offers the matching outbox scaffolds', async () => {
    const findings = await findingsFor({
      'package.json': pkg('billing', { pg: '8.13.1', kafkajs: '2.2.4' }),
      'src/invoices.ts': `import { Pool } from 'pg';
import { Kafka } from 'kafkajs';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const producer = new Kafka({ clientId: 'billing', brokers: ['kafka:9092'] }).producer();

export class InvoiceService {
  async issue(customerId: string, amountCents: number): Promise<string> {
    const { rows } = await pool.query<{ id: string }>(
      'INSERT INTO invoices (customer_id, amount_cents) VALUES ($1, $2) RETURNING id',
      [customerId, amountCents],
    );
    const id = rows[0]?.id ?? '';
    await producer.send({ topic: 'invoices.issued', messages: [{ key: id, value: JSON.stringify({ id, customerId }) }] });
    return id;
  }
}
`,
    });
    expect(brief(findings)).toEqual(['dual-write warning src/invoices.ts:14']);
    const [f] = findings;
    expect(f?.message).toBe(
      'Writes to the database and publishes to Kafka topic `invoices.issued` in `InvoiceService.issue` without an outbox: a crash between the two loses or duplicates the event.',
    );
    expect(f?.principleId).toBe('outbox-pattern');
    expect(f?.fixes.map((x) => `${x.scaffoldId}/${x.variantId ?? '?'}`)).toEqual(['outbox-table/postgres', 'outbox-relay/postgres-kafka']);
    expect(f).toMatchObject({ line: 14, endLine: 14 });
  });

  it('names the route of an anonymous Express handler and picks the MySQL + RabbitMQ variants', async () => {
    const findings = await findingsFor({
      'package.json': pkg('shipping', { mysql2: '3.12.0', amqplib: '0.10.5', express: '4.21.2' }),
      'src/app.ts': `import express from 'express';
import mysql from 'mysql2/promise';
import amqp from 'amqplib';

const db = mysql.createPool({ uri: process.env.MYSQL_URL });
const connection = await amqp.connect(process.env.AMQP_URL ?? 'amqp://localhost');
const channel = await connection.createChannel();
export const app = express();

app.post('/shipments', async (req, res) => {
  const [result] = await db.execute('INSERT INTO shipments (order_id) VALUES (?)', [req.body.orderId]);
  channel.publish('shipping', 'shipment.created', Buffer.from(JSON.stringify({ orderId: req.body.orderId })));
  res.status(201).json(result);
});
`,
    });
    expect(brief(findings)).toEqual(['dual-write warning src/app.ts:12']);
    expect(findings[0]?.message).toContain('publishes to RabbitMQ exchange `shipping` in the `POST /shipments` handler');
    expect(findings[0]?.fixes.map((x) => `${x.scaffoldId}/${x.variantId ?? '?'}`)).toEqual(['outbox-table/mysql', 'outbox-relay/mysql-rabbitmq']);
  });

  it('stays quiet for an outbox insert in the same transaction and for an in-process emit', async () => {
    const { findings, kinds } = await evaluateTree({
      'package.json': pkg('billing', { pg: '8.13.1' }),
      'src/invoices.ts': `import { EventEmitter } from 'node:events';
import { Pool } from 'pg';

const pool = new Pool();
export const invoiceEvents = new EventEmitter();

export async function issueInvoice(customerId: string, amountCents: number): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query('INSERT INTO invoices (customer_id, amount_cents) VALUES ($1, $2) RETURNING id', [customerId, amountCents]);
    await client.query('INSERT INTO outbox (topic, payload) VALUES ($1, $2)', ['invoices.issued', JSON.stringify(rows[0])]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
  invoiceEvents.emit('issued', { customerId });
}
`,
    });
    expect(count(kinds, 'emitter.emit')).toBe(1);
    expect(brief(findings)).toEqual([]);
  });
});
