import { pgTable, uuid, text, jsonb, timestamp, bigserial, integer, index } from 'drizzle-orm/pg-core';

export const accounts = pgTable('accounts', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  plan: text('plan').notNull().default('free'),
});

export const outboxEvents = pgTable(
  'outbox_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    routingKey: text('routing_key').notNull(),
    body: jsonb('body').notNull(),
    attempts: integer('attempts').notNull().default(0),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => ({ pendingIdx: index('outbox_pending_idx').on(t.publishedAt, t.id) }),
);
