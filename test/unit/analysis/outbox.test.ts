import { describe, expect, it } from 'vitest';
import { analyzeTree, summarize } from './tree';

describe('outbox tables and relays', () => {
  it('counts SQL migrations, Prisma models, Drizzle, TypeORM and Knex tables (one per table per migration)', async () => {
    const r = await analyzeTree({
      'migrations/001_outbox.sql': `-- the transactional outbox
CREATE TABLE IF NOT EXISTS "outbox_events" (
  id bigserial PRIMARY KEY,
  topic text NOT NULL,
  payload jsonb NOT NULL,
  published_at timestamptz
);
CREATE INDEX outbox_unpublished ON outbox_events (id) WHERE published_at IS NULL;
`,
      'migrations/002_orders.sql': 'CREATE TABLE orders (id bigserial PRIMARY KEY);\n',
      'prisma/schema.prisma': `model Order {
  id String @id
}

model OutboxMessage {
  id        String   @id @default(uuid())
  topic     String
  createdAt DateTime @default(now())
}
`,
      'src/db/schema.ts': `import { pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
export const orders = pgTable('orders', { id: serial('id').primaryKey() });
export const outbox = pgTable('outbox', {
  id: serial('id').primaryKey(),
  topic: text('topic').notNull(),
  publishedAt: timestamp('published_at'),
});
`,
      'src/outbox.entity.ts': `import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
@Entity({ name: 'checkout_outbox' })
export class CheckoutOutboxEntry {
  @PrimaryGeneratedColumn() id!: number;
  @Column() eventType!: string;
}
`,
      'migrations/003_trace.js': `exports.up = (knex) =>
  knex.schema.alterTable('fulfilment_outbox', (table) => {
    table.string('trace_id', 32);
  });
exports.down = (knex) =>
  knex.schema.alterTable('fulfilment_outbox', (table) => table.dropColumn('trace_id'));
`,
    });
    expect(summarize(r)).toEqual([
      'migrations/001_outbox.sql:2 outbox.table null',
      'migrations/003_trace.js:2 outbox.table null',
      'prisma/schema.prisma:5 outbox.table null',
      'src/db/schema.ts:3 outbox.table null',
      'src/outbox.entity.ts:3 outbox.table null',
    ]);
  });

  it('counts the line reading pending rows, not the writes of outbox rows; publishes next to an outbox are not dual writes', async () => {
    const r = await analyzeTree({
      'src/relay.ts': `import { PrismaClient } from '@prisma/client';
import { Kafka } from 'kafkajs';
const prisma = new PrismaClient();
const producer = new Kafka({ brokers: ['k:9092'] }).producer();

export async function relayOnce(): Promise<void> {
  const rows = await prisma.outboxMessage.findMany({
    where: { publishedAt: null },
    orderBy: { createdAt: 'asc' },
    take: 100,
  });
  for (const row of rows) {
    await producer.send({ topic: row.topic, messages: [{ value: row.payload }] });
    await prisma.outboxMessage.update({ where: { id: row.id }, data: { publishedAt: new Date() } });
  }
}

export async function placeOrder(total: number): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const order = await tx.order.create({ data: { total } });
    await tx.outboxMessage.create({ data: { topic: 'orders.created', payload: JSON.stringify(order) } });
  });
}
`,
      'src/pgRelay.ts': `import { Pool } from 'pg';
const pool = new Pool();
export async function pending() {
  const { rows } = await pool.query(\`
    SELECT id, topic, payload
      FROM outbox_events
     WHERE published_at IS NULL
     ORDER BY id
     FOR UPDATE SKIP LOCKED\`);
  return rows;
}
`,
    });
    expect(summarize(r)).toEqual(['src/pgRelay.ts:5 outbox.relay null', 'src/relay.ts:7 outbox.relay null', 'src/relay.ts:13 kafka.produce null']);
  });
});

describe('dual writes', () => {
  it('flags each external publish in a function that also writes persistent state, in either order', async () => {
    const r = await analyzeTree({
      'src/orders.service.ts': `import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type Redis from 'ioredis';
import { Order } from './order.entity';

@Injectable()
export class OrdersService {
  constructor(
    @InjectRepository(Order) private readonly orders: Repository<Order>,
    private readonly redis: Redis,
  ) {}

  async cancel(id: string): Promise<void> {
    await this.redis.publish('orders.cancelled', id);
    await this.orders.update({ id }, { status: 'cancelled' });
  }

  async view(id: string): Promise<Order | null> {
    const order = await this.orders.findOneBy({ id });
    await this.redis.publish('orders.viewed', id);
    return order;
  }

  async archive(id: string, notify: boolean): Promise<void> {
    if (notify) {
      await this.redis.publish('orders.archived', id);
    } else {
      await this.orders.delete({ id });
    }
  }
}
`,
      'src/audit.ts': `import { EventEmitter } from 'node:events';
import { Pool } from 'pg';
const pool = new Pool();
const local = new EventEmitter();
export async function record(kind: string) {
  await pool.query('INSERT INTO audit_log (kind) VALUES ($1)', [kind]);
  local.emit('audit.recorded', kind);
}
`,
    });
    expect(summarize(r, ['dual_write'])).toEqual(['src/orders.service.ts:15 dual_write orders.cancelled']);
  });
});

describe('traps', () => {
  it('ignores mentions in comments/strings, res.send, RxJS subscribe, loggers, jQuery, DOM listeners and unrelated publish methods', async () => {
    const r = await analyzeTree({
      'src/traps.ts': `import express from 'express';
import { Subject } from 'rxjs';
import pino from 'pino';
import $ from 'jquery';

// producer.send({ topic: 'orders.created' }) would publish; this comment must not count.
const docs = "await redis.publish('x', 'y')";
const app = express();
app.get('/', (_req, res) => res.send(docs));
const subject = new Subject<number>();
subject.subscribe((n) => console.log(n));
subject.next(1);
const logger = pino();
logger.info('emit');
$('#btn').on('click', () => undefined);
window.addEventListener('message', () => undefined);
class Article { publish() { return true; } }
new Article().publish();
process.on('SIGTERM', () => process.exit(0));
`,
    });
    expect(r.detections).toEqual([]);
  });
});
