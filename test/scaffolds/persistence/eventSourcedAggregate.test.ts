// Event-sourced aggregate on real PostgreSQL: of two concurrent appends at the same expected version exactly
// one wins; business rules hold under contention; stale/future versions are refused; the table is append-only.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventSourcedAggregateScaffold } from '../../../src/core/scaffolds/persistence';
import { createTempProject, generateWith, services, uniqueName, type TempProject, type TypecheckResult } from '../harness';

type WalletCommand = { kind: 'Open'; owner: string } | { kind: 'Deposit'; amount: number } | { kind: 'Withdraw'; amount: number };

interface EventStoreModule {
  appendToStream(pool: pg.Pool, streamId: string, expectedVersion: number, events: Array<{ type: string; data: unknown }>): Promise<number>;
  readStream(db: pg.Pool, streamId: string): Promise<{ version: number; events: Array<{ type: string; data: unknown; version: number }> }>;
  ConcurrencyError: new (streamId: string, expected: number) => Error;
}

interface WalletModule {
  handleWalletCommand(db: pg.Pool, id: string, command: WalletCommand): Promise<number>;
  loadWallet(db: pg.Pool, id: string): Promise<{ state: { opened: boolean; owner: string; balance: number }; version: number }>;
  WalletRejected: new (message: string) => Error;
}

const table = uniqueName('events');
const schema = uniqueName('ea_es');
let project: TempProject;
let typecheck: TypecheckResult;
let pool: pg.Pool;
let store: EventStoreModule;
let wallet: WalletModule;

beforeAll(async () => {
  const output = generateWith(eventSourcedAggregateScaffold, 'postgres', { table, aggregate: 'Wallet' });
  project = createTempProject('event-sourced');
  project.write(output.files);
  typecheck = await project.typecheck();
  const admin = new pg.Client(services.postgres);
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  pool = new pg.Pool({ ...services.postgres, options: `-c search_path=${schema}`, max: 10 });
  const migration = output.files.find((f) => f.language === 'sql')?.content ?? '';
  await pool.query(migration);
  await pool.query(migration);
  store = await project.importModule<EventStoreModule>('src/eventStore/eventStore.ts');
  wallet = await project.importModule<WalletModule>('src/eventStore/wallet.ts');
});

afterAll(async () => {
  await pool?.query(`DROP SCHEMA ${schema} CASCADE`);
  await pool?.end();
  project?.remove();
});

describe('event-sourced aggregate (PostgreSQL)', () => {
  it('type-checks with the aggregate name as a parameter (Wallet)', () => {
    expect(typecheck.output).toBe('');
  });

  it('two concurrent appends at the same expected version: exactly one wins, every time', async () => {
    for (let round = 0; round < 10; round++) {
      const stream = `race-${round}`;
      await store.appendToStream(pool, stream, 0, [{ type: 'Opened', data: { owner: 'ann' } }]);
      const results = await Promise.allSettled([
        store.appendToStream(pool, stream, 1, [{ type: 'Deposited', data: { amount: 1 } }]),
        store.appendToStream(pool, stream, 1, [{ type: 'Deposited', data: { amount: 2 } }, { type: 'Deposited', data: { amount: 3 } }]),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]?.reason).toBeInstanceOf(store.ConcurrencyError);
      const stored = await store.readStream(pool, stream);
      expect(stored.events.map((e) => e.version)).toEqual(Array.from({ length: stored.version }, (_, i) => i + 1));
    }
  });

  it('business rules hold under contention: two withdrawals of the whole balance, one succeeds', async () => {
    await wallet.handleWalletCommand(pool, 'w-1', { kind: 'Open', owner: 'bob' });
    await wallet.handleWalletCommand(pool, 'w-1', { kind: 'Deposit', amount: 70 });
    const results = await Promise.allSettled([
      wallet.handleWalletCommand(pool, 'w-1', { kind: 'Withdraw', amount: 70 }),
      wallet.handleWalletCommand(pool, 'w-1', { kind: 'Withdraw', amount: 70 }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const loaded = await wallet.loadWallet(pool, 'w-1');
    expect(loaded).toEqual({ state: { opened: true, owner: 'bob', balance: 0 }, version: 3 });
    await expect(wallet.handleWalletCommand(pool, 'w-1', { kind: 'Withdraw', amount: 1 })).rejects.toBeInstanceOf(wallet.WalletRejected);
    expect((await wallet.loadWallet(pool, 'w-1')).version).toBe(3);
  });

  it('refuses stale and future expected versions', async () => {
    await store.appendToStream(pool, 'v-1', 0, [{ type: 'Opened', data: { owner: 'cy' } }, { type: 'Deposited', data: { amount: 5 } }]);
    await expect(store.appendToStream(pool, 'v-1', 1, [{ type: 'Deposited', data: { amount: 1 } }])).rejects.toBeInstanceOf(store.ConcurrencyError);
    await expect(store.appendToStream(pool, 'v-1', 5, [{ type: 'Deposited', data: { amount: 1 } }])).rejects.toBeInstanceOf(store.ConcurrencyError);
    expect(await store.appendToStream(pool, 'v-1', 2, [{ type: 'Deposited', data: { amount: 1 } }])).toBe(3);
  });

  it('the events table is append-only', async () => {
    await expect(pool.query(`UPDATE ${table} SET payload = '{}' WHERE stream_id = 'v-1'`)).rejects.toThrow(/append-only/);
    await expect(pool.query(`DELETE FROM ${table} WHERE stream_id = 'v-1'`)).rejects.toThrow(/append-only/);
    expect((await store.readStream(pool, 'v-1')).version).toBe(3);
  });
});
