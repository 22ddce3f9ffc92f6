// Idempotent consumer: a processed-messages (inbox) table keyed by (consumer, message id); the marker row
// and the message's effect commit in ONE transaction, so redeliveries are skipped and failures retried.
import type { Template } from '../template';

export const postgresProcessedTable: Template = (s) => `-- Processed messages (PostgreSQL): one row per message a consumer has applied.
CREATE TABLE IF NOT EXISTS ${s('table')} (
  consumer     TEXT NOT NULL,
  message_id   TEXT NOT NULL,
  processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, message_id)
);
`;

export const mysqlProcessedTable: Template = (s) => `-- Processed messages (MySQL / MariaDB): one row per message a consumer has applied.
CREATE TABLE IF NOT EXISTS ${s('table')} (
  consumer     VARCHAR(191) NOT NULL,
  message_id   VARCHAR(191) NOT NULL,
  processed_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (consumer, message_id)
) ENGINE = InnoDB;
`;

export const postgresConsumerSource: Template = (s) => `// Idempotent consumer (PostgreSQL). Brokers and the outbox relay deliver AT LEAST ONCE; this applies each
// message's effect exactly once per consumer.
import pg from 'pg';

export const PROCESSED_MESSAGES_TABLE = '${s('table')}';

export type ConsumeOutcome<T> = { status: 'applied'; value: T } | { status: 'duplicate' };

/**
 * Runs effect(tx) once per (consumer, messageId). The marker insert and the effect share one transaction:
 * if the effect throws, neither is kept and the redelivered message is applied later; if the marker
 * already exists (a redelivery, or a concurrent duplicate that committed first) the effect is skipped.
 * Acknowledge the message to the broker only after this resolves.
 */
export async function consumeOnce<T>(
  pool: pg.Pool,
  consumer: string,
  messageId: string,
  effect: (tx: pg.PoolClient) => Promise<T>,
): Promise<ConsumeOutcome<T>> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    // A concurrent duplicate blocks here until the first transaction ends, then sees the conflict.
    const marker = await client.query(
      'INSERT INTO ${s('table')} (consumer, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [consumer, messageId],
    );
    if (marker.rowCount === 0) {
      await client.query('ROLLBACK');
      return { status: 'duplicate' };
    }
    const value = await effect(client);
    await client.query('COMMIT');
    return { status: 'applied', value };
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
`;

export const mysqlConsumerSource: Template = (s) => `// Idempotent consumer (MySQL / MariaDB, mysql2). Brokers and the outbox relay deliver AT LEAST ONCE;
// this applies each message's effect exactly once per consumer.
import type { Pool, PoolConnection, ResultSetHeader } from 'mysql2/promise';

export const PROCESSED_MESSAGES_TABLE = '${s('table')}';

export type ConsumeOutcome<T> = { status: 'applied'; value: T } | { status: 'duplicate' };

const ER_DUP_ENTRY = 1062;

/**
 * Runs effect(tx) once per (consumer, messageId). The marker insert and the effect share one transaction:
 * if the effect throws, neither is kept and the redelivered message is applied later; if the marker
 * already exists the effect is skipped. Acknowledge the message to the broker only after this resolves.
 */
export async function consumeOnce<T>(
  pool: Pool,
  consumer: string,
  messageId: string,
  effect: (tx: PoolConnection) => Promise<T>,
): Promise<ConsumeOutcome<T>> {
  const connection = await pool.getConnection();
  try {
    await connection.beginTransaction();
    try {
      // Plain INSERT, not INSERT IGNORE: IGNORE would also hide truncation and other real errors.
      await connection.query<ResultSetHeader>('INSERT INTO ${s('table')} (consumer, message_id) VALUES (?, ?)', [consumer, messageId]);
    } catch (error) {
      if (isDuplicateKey(error)) {
        await connection.rollback();
        return { status: 'duplicate' };
      }
      throw error;
    }
    const value = await effect(connection);
    await connection.commit();
    return { status: 'applied', value };
  } catch (error) {
    await connection.rollback().catch(() => undefined);
    throw error;
  } finally {
    connection.release();
  }
}

function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'errno' in error && error.errno === ER_DUP_ENTRY;
}
`;
