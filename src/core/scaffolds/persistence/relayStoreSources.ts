// Database side of the outbox relay: claim (oldest unpublished row per aggregate, FOR UPDATE SKIP LOCKED),
// mark published, record failures, plus the insert helper used inside business transactions.
import type { Template } from '../template';

export const postgresStoreSource: Template = (s) => `// PostgreSQL outbox store for the relay (node-postgres).
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { ClaimedBatch, OutboxRecord, OutboxStore, PublishFailure } from './outboxRelay.js';

export const OUTBOX_TABLE = '${s('table')}';

export interface NewOutboxEvent {
  aggregateType: string;
  aggregateId: string;
  eventType: string;
  payload: unknown;
}

/**
 * Adds an event to the outbox. Call it with the client of the business transaction (between BEGIN and
 * COMMIT): the event then commits or rolls back together with the state change. Returns the event id.
 */
export async function enqueueOutboxEvent(tx: pg.ClientBase, event: NewOutboxEvent): Promise<string> {
  const eventId = randomUUID();
  await tx.query(
    'INSERT INTO ${s('table')} (event_id, aggregate_type, aggregate_id, event_type, payload) VALUES ($1, $2, $3, $4, $5)',
    [eventId, event.aggregateType, event.aggregateId, event.eventType, JSON.stringify(event.payload ?? null)],
  );
  return eventId;
}

interface OutboxRow {
  id: string;
  event_id: string;
  aggregate_type: string;
  aggregate_id: string;
  event_type: string;
  payload: unknown;
  attempts: number;
  created_at: Date;
}

// Only the head (oldest unpublished row) of each aggregate is claimable: a later event can never be
// published before an earlier one, and SKIP LOCKED lets parallel relays take disjoint aggregates.
const CLAIM_SQL =
  'SELECT o.id, o.event_id, o.aggregate_type, o.aggregate_id, o.event_type, o.payload, o.attempts, o.created_at' +
  ' FROM ${s('table')} o' +
  ' WHERE o.published_at IS NULL AND o.next_attempt_at <= now()' +
  ' AND NOT EXISTS (SELECT 1 FROM ${s('table')} e WHERE e.aggregate_type = o.aggregate_type' +
  ' AND e.aggregate_id = o.aggregate_id AND e.published_at IS NULL AND e.id < o.id)' +
  ' ORDER BY o.id LIMIT $1 FOR UPDATE OF o SKIP LOCKED';

export function createPostgresOutboxStore(pool: pg.Pool): OutboxStore {
  return {
    async claimBatch(limit: number): Promise<ClaimedBatch> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query<OutboxRow>(CLAIM_SQL, [limit]);
        return openBatch(client, rows.map(toRecord));
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        client.release(error instanceof Error ? error : true);
        throw error;
      }
    },
  };
}

function openBatch(client: pg.PoolClient, records: OutboxRecord[]): ClaimedBatch {
  let open = true;
  const finish = async (sql: 'COMMIT' | 'ROLLBACK'): Promise<void> => {
    if (!open) return;
    open = false;
    try {
      await client.query(sql);
      client.release();
    } catch (error) {
      // A connection that failed mid-transaction is not returned to the pool.
      client.release(error instanceof Error ? error : true);
      throw error;
    }
  };
  return {
    records,
    async markPublished(ids: string[]) {
      if (ids.length === 0) return;
      await client.query('UPDATE ${s('table')} SET published_at = now() WHERE id = ANY($1::bigint[])', [ids]);
    },
    async markFailed(failures: PublishFailure[]) {
      for (const failure of failures) {
        await client.query(
          "UPDATE ${s('table')} SET attempts = attempts + 1, last_error = $2, next_attempt_at = now() + $3 * interval '1 millisecond' WHERE id = $1",
          [failure.id, failure.error, failure.retryInMs],
        );
      }
    },
    commit: () => finish('COMMIT'),
    rollback: () => finish('ROLLBACK'),
  };
}

function toRecord(row: OutboxRow): OutboxRecord {
  return {
    id: String(row.id),
    eventId: row.event_id,
    aggregateType: row.aggregate_type,
    aggregateId: row.aggregate_id,
    eventType: row.event_type,
    payload: row.payload,
    attempts: row.attempts,
    createdAt: row.created_at,
  };
}
`;

export const postgresWakeupSource: Template = (s) => `// Optional LISTEN/NOTIFY wake-up for the relay: the outbox trigger NOTIFYs on insert, and the relay
// publishes at once instead of waiting for its next poll. Polling remains the safety net: a lost
// connection only delays events until the next poll.
import pg from 'pg';

export const OUTBOX_NOTIFY_CHANNEL = '${s('notifyChannel')}';

export interface OutboxWakeup {
  close(): Promise<void>;
}

/** LISTEN needs its own long-lived connection (not a pool checkout). */
export async function listenForOutboxInserts(
  config: pg.ClientConfig,
  onInsert: () => void,
  onError: (error: unknown) => void = () => undefined,
): Promise<OutboxWakeup> {
  const client = new pg.Client(config);
  client.on('notification', (message) => {
    if (message.channel === OUTBOX_NOTIFY_CHANNEL) onInsert();
  });
  client.on('error', onError);
  await client.connect();
  await client.query('LISTEN ${s('notifyChannel')}');
  return {
    async close() {
      await client.end();
    },
  };
}
`;

export const mysqlStoreSource: Template = (s) => `// MySQL / MariaDB outbox store for the relay (mysql2). Needs MySQL 8.0.1+ or MariaDB 10.6+ (SKIP LOCKED).
import { randomUUID } from 'node:crypto';
import type { Connection, Pool, PoolConnection, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import type { ClaimedBatch, OutboxRecord, OutboxStore, PublishFailure } from './outboxRelay.js';

export const OUTBOX_TABLE = '${s('table')}';

export interface NewOutboxEvent {
  aggregateType: string;
  aggregateId: string;
  eventType: string;
  payload: unknown;
}

/**
 * Adds an event to the outbox. Call it on the connection of the business transaction (after
 * beginTransaction): the event then commits or rolls back with the state change. Returns the event id.
 */
export async function enqueueOutboxEvent(tx: Connection, event: NewOutboxEvent): Promise<string> {
  const eventId = randomUUID();
  await tx.query<ResultSetHeader>(
    'INSERT INTO ${s('table')} (event_id, aggregate_type, aggregate_id, event_type, payload) VALUES (?, ?, ?, ?, ?)',
    [eventId, event.aggregateType, event.aggregateId, event.eventType, JSON.stringify(event.payload ?? null)],
  );
  return eventId;
}

interface OutboxRow extends RowDataPacket {
  id: number | string;
  event_id: string;
  aggregate_type: string;
  aggregate_id: string;
  event_type: string;
  payload: unknown;
  attempts: number;
  created_at: Date;
}

// Only the head (oldest unpublished row) of each aggregate is claimable: a later event can never be
// published before an earlier one, and SKIP LOCKED lets parallel relays take disjoint aggregates.
const CLAIM_SQL =
  'SELECT o.id, o.event_id, o.aggregate_type, o.aggregate_id, o.event_type, o.payload, o.attempts, o.created_at' +
  ' FROM ${s('table')} o' +
  ' WHERE o.published_at IS NULL AND o.next_attempt_at <= CURRENT_TIMESTAMP(3)' +
  ' AND NOT EXISTS (SELECT 1 FROM ${s('table')} e WHERE e.aggregate_type = o.aggregate_type' +
  ' AND e.aggregate_id = o.aggregate_id AND e.published_at IS NULL AND e.id < o.id)' +
  ' ORDER BY o.id LIMIT ? FOR UPDATE SKIP LOCKED';

export function createMysqlOutboxStore(pool: Pool): OutboxStore {
  return {
    async claimBatch(limit: number): Promise<ClaimedBatch> {
      const connection = await pool.getConnection();
      try {
        // READ COMMITTED: InnoDB then keeps locks only on the rows returned, not on every row scanned,
        // so parallel relays are not blocked by each other's scans. Applies to the next transaction only.
        await connection.query('SET TRANSACTION ISOLATION LEVEL READ COMMITTED');
        await connection.beginTransaction();
        const [rows] = await connection.query<OutboxRow[]>(CLAIM_SQL, [limit]);
        return openBatch(connection, rows.map(toRecord));
      } catch (error) {
        await connection.rollback().catch(() => undefined);
        connection.release();
        throw error;
      }
    },
  };
}

function openBatch(connection: PoolConnection, records: OutboxRecord[]): ClaimedBatch {
  let open = true;
  const finish = async (commit: boolean): Promise<void> => {
    if (!open) return;
    open = false;
    try {
      if (commit) await connection.commit();
      else await connection.rollback();
    } finally {
      connection.release();
    }
  };
  return {
    records,
    async markPublished(ids: string[]) {
      if (ids.length === 0) return;
      await connection.query<ResultSetHeader>('UPDATE ${s('table')} SET published_at = CURRENT_TIMESTAMP(3) WHERE id IN (?)', [ids]);
    },
    async markFailed(failures: PublishFailure[]) {
      for (const failure of failures) {
        await connection.query<ResultSetHeader>(
          'UPDATE ${s('table')} SET attempts = attempts + 1, last_error = ?, next_attempt_at = CURRENT_TIMESTAMP(3) + INTERVAL ? MICROSECOND WHERE id = ?',
          [failure.error, failure.retryInMs * 1000, failure.id],
        );
      }
    },
    commit: () => finish(true),
    rollback: () => finish(false),
  };
}

function toRecord(row: OutboxRow): OutboxRecord {
  return {
    id: String(row.id),
    eventId: row.event_id,
    aggregateType: row.aggregate_type,
    aggregateId: row.aggregate_id,
    eventType: row.event_type,
    // MySQL returns JSON columns parsed; MariaDB stores JSON as LONGTEXT and returns the text.
    payload: typeof row.payload === 'string' ? (JSON.parse(row.payload) as unknown) : row.payload,
    attempts: row.attempts,
    createdAt: row.created_at,
  };
}
`;
