import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analysis/index';
import { planFix } from '../../../src/core/fixes/index';
import { applyToDisk } from '../../../src/core/placement/changes';
import { diskFs } from '../../../src/core/placement/fs';
import { evaluateRules } from '../../../src/core/rules/index';
import { removeTree, writeTree } from '../analysis/tree';
import { pkg, readFromDisk } from './ruleTree';

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach(removeTree));

async function fixFirstDualWrite(files: Record<string, string>) {
  const root = writeTree(files, 'ea-dwfix-');
  roots.push(root);
  const result = await analyze([root]);
  const finding = evaluateRules(result, readFromDisk).find((f) => f.ruleId === 'dual-write');
  if (!finding) throw new Error('no dual-write finding');
  return { root, result, planned: planFix(finding, { fs: diskFs(), result, now: new Date('2026-01-01T00:00:00Z') }) };
}

const KAFKA = (body: string) => `import { Pool } from 'pg';
import { Kafka } from 'kafkajs';

const pool = new Pool();
const producer = new Kafka({ clientId: 'billing', brokers: ['kafka:9092'] }).producer();

${body}
`;

describe('dual-write code fix', () => {
  it('moves every message of a batch send into the outbox, in the transaction, with the file\'s style', async () => {
    const { root, planned, result } = await fixFirstDualWrite({
      'package.json': pkg('billing', { pg: '8.13.1', kafkajs: '2.2.4' }),
      'src/invoices.ts': KAFKA(`export async function issue(customerId: string, ids: string[]): Promise<void> {
\tawait pool.query("INSERT INTO invoices (customer_id) VALUES ($1)", [customerId])
\tawait producer.send({ topic: "invoices.issued", messages: [{ key: ids[0], value: JSON.stringify({ customerId }) }, { key: ids[1], value: "raw" }] })
}`).replace(/'/g, '"').replace(/;\n/g, '\n'),
    });
    expect(planned.ok).toBe(true);
    if (!planned.ok) return;
    const edit = planned.set.changes.find((c) => c.kind === 'edit');
    const after = edit?.kind === 'edit' ? edit.after : '';
    expect(after).toContain('\tconst client = await pool.connect()\n\tlet committed = false\n\ttry {\n\t\tawait client.query("BEGIN")\n\t\tawait client.query("INSERT INTO invoices');
    expect(after).toContain('\t\tawait enqueueOutboxEvent(client, { aggregateType: "invoices.issued", aggregateId: ids[0], eventType: "invoices.issued", payload: { customerId } })\n\t\tawait enqueueOutboxEvent(client, { aggregateType: "invoices.issued", aggregateId: ids[1], eventType: "invoices.issued", payload: "raw" })\n\t\tawait client.query("COMMIT")\n\t\tcommitted = true');
    expect(after).toContain('import { enqueueOutboxEvent } from "./outbox/postgresOutboxStore"\n');
    expect(planned.set.changes.map((c) => path.relative(root, c.path))).toContain('migrations/0001_outbox.sql');
    applyToDisk(planned.set);
    const again = await analyze([root]);
    expect(evaluateRules(again, readFromDisk).filter((f) => f.ruleId === 'dual-write')).toEqual([]);
    expect(result.detections.some((d) => d.kind === 'dual_write')).toBe(true);
  });

  it('refuses with a reason what it cannot rewrite safely', async () => {
    const transaction = await fixFirstDualWrite({
      'package.json': pkg('billing', { pg: '8.13.1', kafkajs: '2.2.4' }),
      'src/a.ts': KAFKA(`export async function issue(id: string): Promise<void> {
  await pool.query('BEGIN');
  await pool.query('INSERT INTO invoices (id) VALUES ($1)', [id]);
  await pool.query('COMMIT');
  await producer.send({ topic: 'invoices.issued', messages: [{ key: id, value: id }] });
}`),
    });
    expect(transaction.planned).toEqual({ ok: false, reason: expect.stringMatching(/already manages a transaction/) });

    const mysql = await fixFirstDualWrite({
      'package.json': pkg('shipping', { mysql2: '3.12.0', kafkajs: '2.2.4' }),
      'src/a.ts': `import mysql from 'mysql2/promise';
import { Kafka } from 'kafkajs';
const db = mysql.createPool({ uri: 'x' });
const producer = new Kafka({ clientId: 's', brokers: ['k:9092'] }).producer();
export async function ship(id: string): Promise<void> {
  await db.execute('INSERT INTO shipments (id) VALUES (?)', [id]);
  await producer.send({ topic: 'shipped', messages: [{ key: id, value: id }] });
}
`,
    });
    expect(mysql.planned).toEqual({ ok: false, reason: expect.stringMatching(/node-postgres/) });
  });
});
