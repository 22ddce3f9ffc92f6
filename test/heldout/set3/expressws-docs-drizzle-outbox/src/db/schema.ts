import { bigserial, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const documents = pgTable('documents', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  body: text('body').notNull().default(''),
});

export const docOutbox = pgTable('doc_outbox', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  docId: uuid('doc_id').notNull(),
  eventType: text('event_type').notNull(),
  payload: jsonb('payload').notNull(),
  sentAt: timestamp('sent_at'),
});
