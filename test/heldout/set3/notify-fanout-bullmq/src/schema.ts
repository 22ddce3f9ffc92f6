import { drizzle } from 'drizzle-orm/postgres-js';
import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import postgres from 'postgres';

export const notifications = pgTable('notifications', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: text('user_id').notNull(),
  template: text('template').notNull(),
  vars: jsonb('vars').$type<Record<string, string>>(),
  readAt: timestamp('read_at'),
});

export const db = drizzle(postgres(process.env.DATABASE_URL!));
