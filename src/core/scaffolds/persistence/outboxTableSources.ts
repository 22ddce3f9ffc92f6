// The outbox table in each dialect. Every variant has the same columns, so any relay/store reads any of
// them: a monotonic `id` (publication order), a unique `event_id` (the message id consumers dedupe on), the
// aggregate (ordering key), and the retry bookkeeping the relay maintains.
import type { Template } from '../template';

export const postgresOutboxTable: Template = (s) => `-- Outbox table (PostgreSQL). Write rows in the SAME transaction as the business change; the relay
-- publishes them afterwards, at least once, in order per aggregate.
CREATE TABLE IF NOT EXISTS ${s('table')} (
  id              BIGSERIAL PRIMARY KEY,
  event_id        UUID NOT NULL UNIQUE,
  aggregate_type  TEXT NOT NULL,
  aggregate_id    TEXT NOT NULL,
  event_type      TEXT NOT NULL,
  payload         JSONB NOT NULL,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  published_at    TIMESTAMPTZ,
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_error      TEXT
);

-- The relay claims the oldest unpublished row of each aggregate: keep that lookup small and fast.
CREATE INDEX IF NOT EXISTS ${s('table')}_unpublished_idx
  ON ${s('table')} (aggregate_type, aggregate_id, id)
  WHERE published_at IS NULL;

-- Optional wake-up: the relay LISTENs on this channel, so new rows are published without waiting for
-- the next poll. Polling stays the safety net (notifications are not queued while nobody listens).
CREATE OR REPLACE FUNCTION ${s('table')}_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('${s('notifyChannel')}', '');
  RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS ${s('table')}_notify ON ${s('table')};
CREATE TRIGGER ${s('table')}_notify
  AFTER INSERT ON ${s('table')}
  FOR EACH STATEMENT EXECUTE FUNCTION ${s('table')}_notify();
`;

export const mysqlOutboxTable: Template = (s) => `-- Outbox table (MySQL 8 / MariaDB 10.6+, InnoDB: both support FOR UPDATE SKIP LOCKED).
-- Write rows in the SAME transaction as the business change.
CREATE TABLE IF NOT EXISTS ${s('table')} (
  id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  event_id        CHAR(36) NOT NULL,
  aggregate_type  VARCHAR(191) NOT NULL,
  aggregate_id    VARCHAR(191) NOT NULL,
  event_type      VARCHAR(191) NOT NULL,
  payload         JSON NOT NULL,
  created_at      TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  published_at    TIMESTAMP(3) NULL DEFAULT NULL,
  attempts        INT NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  last_error      TEXT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY ${s('table')}_event_id_uq (event_id),
  KEY ${s('table')}_unpublished_idx (published_at, aggregate_type, aggregate_id, id)
) ENGINE = InnoDB;
`;

export const sqliteOutboxTable: Template = (s) => `-- Outbox table (SQLite). SQLite has one writer at a time and no SKIP LOCKED: run a single relay.
CREATE TABLE IF NOT EXISTS ${s('table')} (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id        TEXT NOT NULL UNIQUE,
  aggregate_type  TEXT NOT NULL,
  aggregate_id    TEXT NOT NULL,
  event_type      TEXT NOT NULL,
  payload         TEXT NOT NULL CHECK (json_valid(payload)),
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  published_at    TEXT,
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  last_error      TEXT
);

CREATE INDEX IF NOT EXISTS ${s('table')}_unpublished_idx
  ON ${s('table')} (aggregate_type, aggregate_id, id)
  WHERE published_at IS NULL;
`;

export const prismaOutboxModel: Template = (s) => `// Outbox model (PostgreSQL). Same table as the SQL migration of this scaffold; create rows with
// prisma.$transaction([businessWrite, prisma.<model>.create(...)]) so both commit or neither.
// The partial index (WHERE published_at IS NULL) cannot be expressed in Prisma: keep it in a migration.
model ${s('model')} {
  id            BigInt    @id @default(autoincrement())
  eventId       String    @unique @map("event_id") @db.Uuid
  aggregateType String    @map("aggregate_type")
  aggregateId   String    @map("aggregate_id")
  eventType     String    @map("event_type")
  payload       Json
  createdAt     DateTime  @default(now()) @map("created_at") @db.Timestamptz(6)
  publishedAt   DateTime? @map("published_at") @db.Timestamptz(6)
  attempts      Int       @default(0)
  nextAttemptAt DateTime  @default(now()) @map("next_attempt_at") @db.Timestamptz(6)
  lastError     String?   @map("last_error")

  @@index([aggregateType, aggregateId, id], map: "${s('table')}_unpublished_idx")
  @@map("${s('table')}")
}
`;

export const drizzleOutboxSchema: Template = (s) => `// Outbox table (Drizzle ORM, PostgreSQL). Insert with tx.insert(${s('table')}).values(...) inside the same
// db.transaction() as the business change.
import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const ${s('table')} = pgTable(
  '${s('table')}',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    eventId: uuid('event_id').notNull().unique(),
    aggregateType: text('aggregate_type').notNull(),
    aggregateId: text('aggregate_id').notNull(),
    eventType: text('event_type').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
  },
  (t) => [
    index('${s('table')}_unpublished_idx')
      .on(t.aggregateType, t.aggregateId, t.id)
      .where(sql\`\${t.publishedAt} is null\`),
  ],
);

export type OutboxRow = typeof ${s('table')}.$inferSelect;
export type NewOutboxRow = typeof ${s('table')}.$inferInsert;
`;
