// Outbox table variants created for real: PostgreSQL and MariaDB migrations applied (twice: they are
// re-runnable), SQLite through better-sqlite3, the Prisma model validated by Prisma's own schema engine
// (WASM build, offline) and matched against the PostgreSQL table, the Drizzle schema type-checked and used
// by drizzle-orm on PostgreSQL. In every database a failing business write rolls the outbox row back.
import { validate, get_dmmf } from '@prisma/prisma-schema-wasm';
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxTableScaffold } from '../../../src/core/scaffolds/persistence';
import { createTempProject, generateWith, services, uniqueName } from '../harness';

const table = uniqueName('outbox');
const notifyChannel = uniqueName('wake');
const sql = (variant: string): string => {
  const file = generateWith(outboxTableScaffold, variant, { table, notifyChannel, model: 'OutboxMessage' }).files[0];
  if (!file) throw new Error(`no file for ${variant}`);
  return file.content;
};

const schema = uniqueName('ea_table');
let pool: pg.Pool;

beforeAll(async () => {
  const admin = new pg.Client(services.postgres);
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  pool = new pg.Pool({ ...services.postgres, options: `-c search_path=${schema}`, max: 4 });
  await pool.query('CREATE TABLE orders (id TEXT PRIMARY KEY, amount INT NOT NULL CHECK (amount >= 0))');
});

afterAll(async () => {
  await pool?.query(`DROP SCHEMA ${schema} CASCADE`);
  await pool?.end();
});

describe('outbox table: PostgreSQL', () => {
  it('applies (twice), rolls back with a failed business write, and NOTIFYs on insert', async () => {
    await pool.query(sql('postgres'));
    await pool.query(sql('postgres'));
    const insertEvent = `INSERT INTO ${table} (event_id, aggregate_type, aggregate_id, event_type, payload) VALUES (gen_random_uuid(), 'order', $1, 'OrderPlaced', '{}')`;
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('INSERT INTO orders (id, amount) VALUES ($1, 5)', ['o-1']);
      await client.query(insertEvent, ['o-1']);
      await expect(client.query("UPDATE orders SET amount = -1 WHERE id = 'o-1'")).rejects.toThrow(/check constraint/);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    expect((await pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]).toEqual({ n: 0 });

    const listener = new pg.Client({ ...services.postgres, options: `-c search_path=${schema}` });
    await listener.connect();
    try {
      const notified = new Promise<string>((resolve) => listener.on('notification', (m) => resolve(m.channel)));
      await listener.query(`LISTEN ${notifyChannel}`);
      await pool.query(insertEvent, ['o-2']);
      expect(await notified).toBe(notifyChannel);
    } finally {
      await listener.end();
    }
    // A duplicate event id is refused: consumers may rely on its uniqueness.
    const { rows } = await pool.query<{ event_id: string }>(`SELECT event_id FROM ${table}`);
    await expect(
      pool.query(`INSERT INTO ${table} (event_id, aggregate_type, aggregate_id, event_type, payload) VALUES ($1, 'order', 'o-2', 'X', '{}')`, [rows[0]?.event_id]),
    ).rejects.toThrow(/duplicate key/);
  });

  it('Prisma model: valid for Prisma\'s schema engine, and maps onto the columns the SQL migration created', async () => {
    const model = sql('prisma');
    const datasource = 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n';
    const files = JSON.stringify({ prismaSchema: [['schema.prisma', datasource], ['outbox.prisma', model]], noColor: true });
    expect(() => validate(files)).not.toThrow();
    // Negative control: the same engine rejects a broken model, so "valid" above means something.
    const broken = JSON.stringify({ prismaSchema: [['schema.prisma', datasource], ['outbox.prisma', model.replace('payload       Json', 'payload       Jsn')]], noColor: true });
    expect(() => validate(broken)).toThrow(/Jsn/);

    const dmmf = JSON.parse(get_dmmf(files)) as { datamodel: { models: Array<{ name: string; dbName: string | null; fields: Array<{ name: string; dbName: string | null; type: string; isRequired: boolean; kind: string }> }> } };
    const prismaModel = dmmf.datamodel.models.find((m) => m.name === 'OutboxMessage');
    expect(prismaModel?.dbName).toBe(table);
    const { rows } = await pool.query<{ column_name: string; data_type: string; is_nullable: string }>(
      'SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2',
      [schema, table],
    );
    const prismaType: Record<string, string> = {
      bigint: 'BigInt', uuid: 'String', text: 'String', jsonb: 'Json', integer: 'Int', 'timestamp with time zone': 'DateTime',
    };
    const columns = rows.map((r) => ({ column: r.column_name, type: prismaType[r.data_type] ?? r.data_type, required: r.is_nullable === 'NO' })).sort((a, b) => a.column.localeCompare(b.column));
    const fields = (prismaModel?.fields ?? []).filter((f) => f.kind === 'scalar').map((f) => ({ column: f.dbName ?? f.name, type: f.type, required: f.isRequired })).sort((a, b) => a.column.localeCompare(b.column));
    expect(fields).toEqual(columns);
  });

  it('Drizzle schema: type-checks against drizzle-orm and inserts/rolls back through drizzle on PostgreSQL', async () => {
    const project = createTempProject('outbox-drizzle');
    try {
      const schemaFile = generateWith(outboxTableScaffold, 'drizzle', { table }).files[0];
      if (!schemaFile) throw new Error('no drizzle file');
      // Test-authored usage of the generated schema, type-checked with it.
      const usage = `import { randomUUID } from 'node:crypto';
import { eq, isNull } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { ${table}, type NewOutboxRow } from './db/outboxSchema.js';

export async function exercise(config: pg.PoolConfig): Promise<{ afterRollback: number; unpublished: string[]; payload: unknown }> {
  const pool = new pg.Pool(config);
  const db = drizzle(pool);
  try {
    const event: NewOutboxRow = { eventId: randomUUID(), aggregateType: 'order', aggregateId: 'd-1', eventType: 'OrderPlaced', payload: { total: 12 } };
    await db
      .transaction(async (tx) => {
        await tx.insert(${table}).values(event);
        throw new Error('business rule failed');
      })
      .catch(() => undefined);
    const afterRollback = (await db.select().from(${table}).where(eq(${table}.aggregateId, 'd-1'))).length;
    await db.transaction(async (tx) => {
      await tx.insert(${table}).values({ ...event, eventId: randomUUID() });
    });
    const rows = await db.select().from(${table}).where(isNull(${table}.publishedAt));
    return { afterRollback, unpublished: rows.map((r) => r.aggregateId), payload: rows[0]?.payload };
  } finally {
    await pool.end();
  }
}
`;
      project.write([schemaFile, { path: 'src/useOutbox.ts', content: usage }]);
      const typecheck = await project.typecheck();
      expect(typecheck.output).toBe('');
      await pool.query(`TRUNCATE ${table}`);
      const mod = await project.importModule<{ exercise(config: pg.PoolConfig): Promise<{ afterRollback: number; unpublished: string[]; payload: unknown }> }>('src/useOutbox.ts');
      const result = await mod.exercise({ ...services.postgres, options: `-c search_path=${schema}` });
      expect(result).toEqual({ afterRollback: 0, unpublished: ['d-1'], payload: { total: 12 } });
    } finally {
      project.remove();
    }
  });
});

describe('outbox table: MariaDB', () => {
  it('applies (twice) and rolls back with a failed business write', async () => {
    const database = uniqueName('ea_table');
    const admin = await mysql.createConnection({ ...services.mariadb, multipleStatements: true });
    try {
      await admin.query(`CREATE DATABASE ${database}`);
      await admin.changeUser({ database });
      await admin.query(sql('mysql'));
      await admin.query(sql('mysql'));
      await admin.query('CREATE TABLE orders (id VARCHAR(64) PRIMARY KEY, amount INT NOT NULL, CHECK (amount >= 0)) ENGINE=InnoDB');
      await admin.beginTransaction();
      await admin.query('INSERT INTO orders (id, amount) VALUES (?, 5)', ['o-1']);
      await admin.query(`INSERT INTO ${table} (event_id, aggregate_type, aggregate_id, event_type, payload) VALUES (UUID(), 'order', 'o-1', 'OrderPlaced', '{}')`);
      await expect(admin.query("UPDATE orders SET amount = -1 WHERE id = 'o-1'")).rejects.toThrow(/constraint/i);
      await admin.rollback();
      const [rows] = await admin.query<mysql.RowDataPacket[]>(`SELECT count(*) AS n FROM ${table}`);
      expect(Number(rows[0]?.n)).toBe(0);
      // JSON is checked on MariaDB too (JSON is an alias with a json_valid constraint there).
      await expect(admin.query(`INSERT INTO ${table} (event_id, aggregate_type, aggregate_id, event_type, payload) VALUES (UUID(), 'order', 'o-1', 'X', 'not json')`)).rejects.toThrow();
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${database}`);
      await admin.end();
    }
  });
});

describe('outbox table: SQLite', () => {
  it('applies (twice) through better-sqlite3, rolls back with a failed business write, refuses invalid JSON', () => {
    const db = new Database(':memory:');
    try {
      db.exec(sql('sqlite'));
      db.exec(sql('sqlite'));
      db.exec('CREATE TABLE orders (id TEXT PRIMARY KEY, amount INTEGER NOT NULL CHECK (amount >= 0))');
      const insertEvent = db.prepare(`INSERT INTO ${table} (event_id, aggregate_type, aggregate_id, event_type, payload) VALUES (?, 'order', ?, 'OrderPlaced', ?)`);
      const placeOrder = db.transaction((id: string, amount: number) => {
        db.prepare('INSERT INTO orders (id, amount) VALUES (?, 5)').run(id);
        insertEvent.run(`${id}-evt`, id, '{"total":5}');
        db.prepare('UPDATE orders SET amount = ? WHERE id = ?').run(amount, id);
      });
      expect(() => placeOrder('o-1', -1)).toThrow(/CHECK constraint/);
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
      placeOrder('o-2', 7);
      const row = db.prepare(`SELECT event_id, published_at, attempts, next_attempt_at FROM ${table}`).get() as Record<string, unknown>;
      expect(row).toMatchObject({ event_id: 'o-2-evt', published_at: null, attempts: 0 });
      expect(String(row.next_attempt_at)).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(() => insertEvent.run('bad', 'o-3', 'not json')).toThrow(/CHECK constraint/);
      expect(() => insertEvent.run('o-2-evt', 'o-3', '{}')).toThrow(/UNIQUE/);
      const index = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").get(`${table}_unpublished_idx`) as { sql: string } | undefined;
      expect(index?.sql).toMatch(/WHERE published_at IS NULL/);
    } finally {
      db.close();
    }
  });
});
