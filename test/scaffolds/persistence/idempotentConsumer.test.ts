// Idempotent consumer on real PostgreSQL and MariaDB: redeliveries and concurrent duplicates apply the
// effect once, a failing effect leaves no marker (so the message is retried), consumers are independent.
import mysql from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idempotentConsumerScaffold } from '../../../src/core/scaffolds/persistence';
import { createTempProject, generateWith, services, sleep, uniqueName, type TempProject, type TypecheckResult } from '../harness';
import type { MysqlConsumerModule, PostgresConsumerModule } from './support/generatedApi';

const processed = uniqueName('processed');
let project: TempProject;
let typecheck: TypecheckResult;
const migrations: Record<string, string> = {};

interface Target {
  name: string;
  consume(consumer: string, messageId: string, fail?: boolean): Promise<'applied' | 'duplicate'>;
  effects(): Promise<number>;
  markers(): Promise<number>;
  close(): Promise<void>;
}

async function postgresTarget(mod: PostgresConsumerModule): Promise<Target> {
  const schema = uniqueName('ea_inbox');
  const admin = new pg.Client(services.postgres);
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const pool = new pg.Pool({ ...services.postgres, options: `-c search_path=${schema}`, max: 8 });
  await pool.query(migrations.postgres ?? '');
  await pool.query('CREATE TABLE effects (n SERIAL PRIMARY KEY, message_id TEXT NOT NULL)');
  return {
    name: 'postgres',
    async consume(consumer, messageId, fail = false) {
      const outcome = await mod.consumeOnce(pool, consumer, messageId, async (tx) => {
        await tx.query('INSERT INTO effects (message_id) VALUES ($1)', [messageId]);
        await sleep(30); // widen the window for concurrent duplicates
        if (fail) throw new Error('effect failed');
      });
      return outcome.status;
    },
    effects: async () => (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM effects')).rows[0]?.n ?? -1,
    markers: async () => (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${processed}`)).rows[0]?.n ?? -1,
    async close() {
      await pool.query(`DROP SCHEMA ${schema} CASCADE`);
      await pool.end();
    },
  };
}

async function mysqlTarget(mod: MysqlConsumerModule): Promise<Target> {
  const database = uniqueName('ea_inbox');
  const admin = await mysql.createConnection({ ...services.mariadb, multipleStatements: true });
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.changeUser({ database });
  await admin.query(migrations.mysql ?? '');
  await admin.query('CREATE TABLE effects (n INT AUTO_INCREMENT PRIMARY KEY, message_id VARCHAR(191) NOT NULL) ENGINE=InnoDB');
  await admin.end();
  const pool = mysql.createPool({ ...services.mariadb, database, connectionLimit: 8 });
  const count = async (table: string): Promise<number> => {
    const [rows] = await pool.query<mysql.RowDataPacket[]>(`SELECT count(*) AS n FROM ${table}`);
    return Number(rows[0]?.n ?? -1);
  };
  return {
    name: 'mariadb',
    async consume(consumer, messageId, fail = false) {
      const outcome = await mod.consumeOnce(pool, consumer, messageId, async (tx) => {
        await tx.query('INSERT INTO effects (message_id) VALUES (?)', [messageId]);
        await sleep(30);
        if (fail) throw new Error('effect failed');
      });
      return outcome.status;
    },
    effects: () => count('effects'),
    markers: () => count(processed),
    async close() {
      await pool.query(`DROP DATABASE ${database}`);
      await pool.end();
    },
  };
}

const targets: Target[] = [];

beforeAll(async () => {
  project = createTempProject('idempotent-consumer');
  for (const variant of ['postgres', 'mysql']) {
    for (const file of generateWith(idempotentConsumerScaffold, variant, { table: processed }).files) {
      if (file.language === 'sql') migrations[variant] = file.content;
      project.write([{ path: `${variant}/${file.path}`, content: file.content }]);
    }
  }
  typecheck = await project.typecheck();
  targets.push(await postgresTarget(await project.importModule<PostgresConsumerModule>('postgres/src/inbox/consumeOnce.ts')));
  targets.push(await mysqlTarget(await project.importModule<MysqlConsumerModule>('mysql/src/inbox/consumeOnce.ts')));
});

afterAll(async () => {
  for (const target of targets) await target.close();
  project?.remove();
});

describe('idempotent consumer', () => {
  it('type-checks (PostgreSQL and MySQL variants)', () => {
    expect(typecheck.output).toBe('');
  });

  for (const index of [0, 1]) {
    it(`${index === 0 ? 'PostgreSQL' : 'MariaDB'}: redelivery, concurrent duplicates, failing effect, separate consumers`, async () => {
      const target = targets[index];
      if (!target) throw new Error('target not ready');
      expect(await target.consume('billing', 'm-1')).toBe('applied');
      expect(await target.consume('billing', 'm-1')).toBe('duplicate');

      const racing = await Promise.all(Array.from({ length: 5 }, () => target.consume('billing', 'm-2')));
      expect(racing.filter((s) => s === 'applied')).toHaveLength(1);
      expect(racing.filter((s) => s === 'duplicate')).toHaveLength(4);

      await expect(target.consume('billing', 'm-3', true)).rejects.toThrow(/effect failed/);
      expect(await target.markers()).toBe(2);
      expect(await target.consume('billing', 'm-3')).toBe('applied');

      expect(await target.consume('shipping', 'm-1')).toBe('applied');
      expect(await target.effects()).toBe(4);
      expect(await target.markers()).toBe(4);
    });
  }
});
