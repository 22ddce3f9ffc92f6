// A real database per test file (own PostgreSQL schema or MariaDB database, dropped at the end), with the
// generated migrations applied and a small "orders" business table. All outbox/consumer work goes through
// the generated modules; only the business table and effect table belong to the test.
import mysql from 'mysql2/promise';
import pg from 'pg';
import { services, uniqueName } from '../../harness';
import type { OutboxStore } from './generatedApi';
import type { RelayProject } from './relayProject';

export interface OrderPayload {
  aggregateId: string;
  seq: number;
}

export interface OutboxRowView {
  id: string;
  eventId: string;
  aggregateId: string;
  published: boolean;
  attempts: number;
  lastError: string | null;
}

export interface DbFixture {
  db: 'postgres' | 'mysql';
  /** Connection URL of this fixture's schema/database (what a generated relay process reads as DATABASE_URL). */
  url: string;
  store: OutboxStore;
  /** One business transaction: an order row plus its outbox event. `fail` breaks the business write after the enqueue. */
  placeOrder(aggregateId: string, seq: number, options?: { fail?: boolean }): Promise<string>;
  /** The consumer side: records an effect row through the generated consumeOnce. */
  applyOnce(eventId: string, payload: OrderPayload): Promise<'applied' | 'duplicate'>;
  /** Effects in the order they were applied. */
  effects(): Promise<Array<{ aggregateId: string; seq: number; eventId: string }>>;
  outboxRows(): Promise<OutboxRowView[]>;
  count(table: 'orders' | 'processed' | 'outbox'): Promise<number>;
  /** A fresh business table and effects, outbox emptied (between scenarios). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

const ORDER_EVENT = { aggregateType: 'order', eventType: 'OrderPlaced' };

export async function createPostgresFixture(gen: RelayProject<'postgres'>): Promise<DbFixture & { pool: pg.Pool; clientConfig: pg.ClientConfig }> {
  const schema = uniqueName('ea_relay');
  const admin = new pg.Client(services.postgres);
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const clientConfig: pg.ClientConfig = { ...services.postgres, options: `-c search_path=${schema}` };
  const pool = new pg.Pool({ ...clientConfig, max: 12 });
  const { table, processedTable } = gen.params;
  await pool.query(gen.migrations.outbox);
  await pool.query(gen.migrations.processed);
  await pool.query(
    'CREATE TABLE orders (id TEXT PRIMARY KEY, aggregate_id TEXT NOT NULL, seq INT NOT NULL, amount INT NOT NULL CHECK (amount >= 0));' +
      'CREATE TABLE effects (n BIGSERIAL PRIMARY KEY, event_id UUID NOT NULL, aggregate_id TEXT NOT NULL, seq INT NOT NULL);',
  );
  const store = gen.store.createPostgresOutboxStore(pool);
  const p = services.postgres;
  return {
    db: 'postgres',
    url: `postgresql://${p.user}@${p.host}:${p.port}/${p.database}?options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    pool,
    clientConfig,
    store,
    async placeOrder(aggregateId, seq, options = {}) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('INSERT INTO orders (id, aggregate_id, seq, amount) VALUES ($1, $2, $3, $4)', [`${aggregateId}-${seq}`, aggregateId, seq, 10]);
        const eventId = await gen.store.enqueueOutboxEvent(client, { ...ORDER_EVENT, aggregateId, payload: { aggregateId, seq } });
        // The failing business statement comes AFTER the outbox insert: the rollback must take the event too.
        if (options.fail) await client.query('UPDATE orders SET amount = -1 WHERE id = $1', [`${aggregateId}-${seq}`]);
        await client.query('COMMIT');
        return eventId;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    async applyOnce(eventId, payload) {
      const outcome = await gen.consumer.consumeOnce(pool, 'ledger', eventId, async (tx) => {
        await tx.query('INSERT INTO effects (event_id, aggregate_id, seq) VALUES ($1, $2, $3)', [eventId, payload.aggregateId, payload.seq]);
      });
      return outcome.status;
    },
    async effects() {
      const { rows } = await pool.query<{ aggregate_id: string; seq: number; event_id: string }>('SELECT aggregate_id, seq, event_id FROM effects ORDER BY n');
      return rows.map((r) => ({ aggregateId: r.aggregate_id, seq: r.seq, eventId: r.event_id }));
    },
    async outboxRows() {
      const { rows } = await pool.query<{ id: string; event_id: string; aggregate_id: string; published: boolean; attempts: number; last_error: string | null }>(
        `SELECT id, event_id, aggregate_id, published_at IS NOT NULL AS published, attempts, last_error FROM ${table} ORDER BY id`,
      );
      return rows.map((r) => ({ id: String(r.id), eventId: r.event_id, aggregateId: r.aggregate_id, published: r.published, attempts: r.attempts, lastError: r.last_error }));
    },
    async count(which) {
      const name = which === 'outbox' ? table : which === 'processed' ? processedTable : 'orders';
      const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${name}`);
      return rows[0]?.n ?? -1;
    },
    async reset() {
      await pool.query(`TRUNCATE orders, effects, ${table}, ${processedTable}`);
    },
    async close() {
      await pool.query(`DROP SCHEMA ${schema} CASCADE`);
      await pool.end();
    },
  };
}

export async function createMysqlFixture(gen: RelayProject<'mysql'>): Promise<DbFixture & { pool: mysql.Pool }> {
  const database = uniqueName('ea_relay');
  const admin = await mysql.createConnection({ ...services.mariadb, multipleStatements: true });
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.changeUser({ database });
  const { table, processedTable } = gen.params;
  await admin.query(gen.migrations.outbox);
  await admin.query(gen.migrations.processed);
  await admin.query(
    'CREATE TABLE orders (id VARCHAR(191) PRIMARY KEY, aggregate_id VARCHAR(191) NOT NULL, seq INT NOT NULL, amount INT NOT NULL, CHECK (amount >= 0)) ENGINE=InnoDB;' +
      'CREATE TABLE effects (n BIGINT AUTO_INCREMENT PRIMARY KEY, event_id CHAR(36) NOT NULL, aggregate_id VARCHAR(191) NOT NULL, seq INT NOT NULL) ENGINE=InnoDB;',
  );
  await admin.end();
  const pool = mysql.createPool({ ...services.mariadb, database, connectionLimit: 12 });
  const store = gen.store.createMysqlOutboxStore(pool);
  const m = services.mariadb;
  return {
    db: 'mysql',
    url: `mysql://${m.user}${m.password ? `:${encodeURIComponent(m.password)}` : ''}@${m.host}:${m.port}/${database}`,
    pool,
    store,
    async placeOrder(aggregateId, seq, options = {}) {
      const connection = await pool.getConnection();
      try {
        await connection.beginTransaction();
        await connection.query('INSERT INTO orders (id, aggregate_id, seq, amount) VALUES (?, ?, ?, ?)', [`${aggregateId}-${seq}`, aggregateId, seq, 10]);
        const eventId = await gen.store.enqueueOutboxEvent(connection, { ...ORDER_EVENT, aggregateId, payload: { aggregateId, seq } });
        if (options.fail) await connection.query('UPDATE orders SET amount = -1 WHERE id = ?', [`${aggregateId}-${seq}`]);
        await connection.commit();
        return eventId;
      } catch (error) {
        await connection.rollback();
        throw error;
      } finally {
        connection.release();
      }
    },
    async applyOnce(eventId, payload) {
      const outcome = await gen.consumer.consumeOnce(pool, 'ledger', eventId, async (tx) => {
        await tx.query('INSERT INTO effects (event_id, aggregate_id, seq) VALUES (?, ?, ?)', [eventId, payload.aggregateId, payload.seq]);
      });
      return outcome.status;
    },
    async effects() {
      const [rows] = await pool.query<mysql.RowDataPacket[]>('SELECT aggregate_id, seq, event_id FROM effects ORDER BY n');
      return rows.map((r) => ({ aggregateId: String(r.aggregate_id), seq: Number(r.seq), eventId: String(r.event_id) }));
    },
    async outboxRows() {
      const [rows] = await pool.query<mysql.RowDataPacket[]>(
        `SELECT id, event_id, aggregate_id, published_at IS NOT NULL AS published, attempts, last_error FROM ${table} ORDER BY id`,
      );
      return rows.map((r) => ({
        id: String(r.id),
        eventId: String(r.event_id),
        aggregateId: String(r.aggregate_id),
        published: Number(r.published) === 1,
        attempts: Number(r.attempts),
        lastError: r.last_error === null ? null : String(r.last_error),
      }));
    },
    async count(which) {
      const name = which === 'outbox' ? table : which === 'processed' ? processedTable : 'orders';
      const [rows] = await pool.query<mysql.RowDataPacket[]>(`SELECT count(*) AS n FROM ${name}`);
      return Number(rows[0]?.n ?? -1);
    },
    async reset() {
      for (const name of ['orders', 'effects', table, processedTable]) await pool.query(`DELETE FROM ${name}`);
    },
    async close() {
      await pool.query(`DROP DATABASE ${database}`);
      await pool.end();
    },
  };
}
