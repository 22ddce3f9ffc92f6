import { drizzle } from 'drizzle-orm/postgres-js';
import { pgTable, serial, text, boolean } from 'drizzle-orm/pg-core';
import postgres from 'postgres';

export const messages = pgTable('messages', {
  id: serial('id').primaryKey(),
  to: text('to').notNull(),
  body: text('body').notNull(),
  read: boolean('read').default(false),
});

export const db = drizzle(postgres(process.env.DATABASE_URL!));
