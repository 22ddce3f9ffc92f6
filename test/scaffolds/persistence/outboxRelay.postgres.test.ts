// Outbox relay, PostgreSQL variants: type-checked against the real libraries, then run against real
// PostgreSQL, Redis Streams, NATS JetStream, RabbitMQ and BullMQ.
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { services, waitFor } from '../harness';
import { redisStreamsBroker } from './support/brokers';
import type pg from 'pg';
import { createPostgresFixture, type DbFixture } from './support/dbFixtures';
import { buildRelayProject, type RelayProject } from './support/relayProject';
import { sharedRelayTests } from './support/relaySuite';

let gen: RelayProject<'postgres'>;
let db: DbFixture & { pool: pg.Pool; clientConfig: pg.ClientConfig };

// A relay PROCESS built from the generated modules that SIGKILLs itself after the broker accepted the
// batch and before the rows are marked: the hardest crash (no rollback sent, no finally blocks run).
const KILLED_RELAY = `import pg from 'pg';
import { Redis } from 'ioredis';
import { createOutboxRelay } from './outbox/outboxRelay.js';
import { createPostgresOutboxStore } from './outbox/postgresOutboxStore.js';
import { createRedisStreamsPublisher } from './outbox/redisStreamsPublisher.js';

const config = JSON.parse(process.env.PG_CONFIG ?? '{}') as pg.PoolConfig;
const pool = new pg.Pool(config);
const redis = new Redis(process.env.REDIS_URL ?? '');
const relay = createOutboxRelay({
  store: createPostgresOutboxStore(pool),
  publisher: createRedisStreamsPublisher(redis, process.env.STREAM ?? ''),
  batchSize: 100,
  hooks: {
    afterPublish(records) {
      process.stdout.write('published ' + records.length + '\\n');
      process.kill(process.pid, 'SIGKILL');
    },
  },
});
await relay.runOnce();
process.stdout.write('not killed\\n');
`;

beforeAll(async () => {
  gen = await buildRelayProject('postgres', [{ path: 'postgres-redis-streams/src/killedRelay.ts', content: KILLED_RELAY }]);
  db = await createPostgresFixture(gen);
});

afterAll(async () => {
  await db?.close();
  gen?.project.remove();
});

describe('outbox relay on PostgreSQL', () => {
  // A 60 s poll: only LISTEN/NOTIFY can make the relay process fast.
  sharedRelayTests('postgres', () => ({ gen, db }), '60000');

  it('a relay process SIGKILLed between publish and mark: rows stay unpublished, are redelivered, applied once', async () => {
    await db.reset();
    const fixture = await redisStreamsBroker(gen.publishers);
    try {
      const ids = [await db.placeOrder('kill-a', 1), await db.placeOrder('kill-b', 1), await db.placeOrder('kill-a', 2)];
      const run = await gen.project.runScript('postgres-redis-streams/src/killedRelay.ts', {
        env: { PG_CONFIG: JSON.stringify(db.clientConfig), REDIS_URL: services.redisUrl, STREAM: fixture.streamName },
        timeoutMs: 20_000,
      });
      expect(run.signal).toBe('SIGKILL');
      expect(run.stdout).toContain('published 2');
      expect(await fixture.storedCount()).toBe(2);
      // The dead session's transaction is rolled back: nothing was marked.
      expect((await db.outboxRows()).map((r) => r.published)).toEqual([false, false, false]);

      await fixture.startConsumer(async (eventId, payload) => {
        await db.applyOnce(eventId, payload);
      });
      // A surviving relay keeps polling: its claims skip the rows while PostgreSQL is still tearing the
      // killed session down (its locks linger for a moment), then take them.
      const relay = gen.core.createOutboxRelay({ store: db.store, publisher: fixture.publisher });
      await waitFor(
        async () => {
          await relay.runOnce();
          return db.outboxRows();
        },
        (rows) => rows.every((r) => r.published),
        { message: 'surviving relay republishes', timeoutMs: 10_000 },
      );
      expect(await fixture.storedCount()).toBe(5);
      await waitFor(() => fixture.deliveries.length, (n) => n === 5, { message: 'consumer saw redeliveries' });
      await waitFor(() => db.count('processed'), (n) => n === 3, { message: 'processed markers' });
      const effects = await db.effects();
      expect(effects.map((e) => e.eventId).sort()).toEqual([...ids].sort());
    } finally {
      await fixture.close();
    }
  });

  it('Kafka variant (type-checked only: no Kafka server here) shares the relay core and plugs into its retry path', async () => {
    // Same core text as the variants proven against real brokers above.
    const proven = gen.coreTexts.get('postgres-redis-streams');
    expect(gen.coreTexts.get('postgres-kafka')).toBe(proven);
    // A real kafkajs producer that is not connected fails at once; the failure goes through the same
    // claim → publish → markFailed path: attempts + 1, error recorded, row kept for retry.
    await db.reset();
    await db.placeOrder('kafka-a', 1);
    const producer = new Kafka({ clientId: 'ea-proof', brokers: ['127.0.0.1:1'], logLevel: logLevel.NOTHING }).producer({ idempotent: true, maxInFlightRequests: 1 });
    const relay = gen.core.createOutboxRelay({ store: db.store, publisher: gen.kafka.createKafkaPublisher(producer, gen.params.destination) });
    const round = await relay.runOnce();
    expect(round.failed).toHaveLength(1);
    const [row] = await db.outboxRows();
    expect(row).toMatchObject({ published: false, attempts: 1 });
    expect(row?.lastError).toMatch(/producer is disconnected/i);
  });

  it('LISTEN/NOTIFY wakes an idle relay: a new event is published long before the next poll', async () => {
    await db.reset();
    const fixture = await redisStreamsBroker(gen.publishers);
    const relay = gen.core.createOutboxRelay({ store: db.store, publisher: fixture.publisher, pollIntervalMs: 60_000 });
    const wakeup = await gen.wakeup.listenForOutboxInserts(db.clientConfig, () => relay.wake());
    try {
      relay.start();
      await db.placeOrder('wake-a', 1);
      const started = Date.now();
      await waitFor(() => fixture.storedCount(), (n) => n === 1, { timeoutMs: 5_000, message: 'woken relay publishes' });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await relay.stop();
      await wakeup.close();
      await fixture.close();
    }
  });
});
