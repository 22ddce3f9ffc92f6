// Outbox relay, MySQL/MariaDB variants (MariaDB 10.11 has FOR UPDATE SKIP LOCKED): type-checked against
// the real libraries, then run against real MariaDB, Redis Streams, NATS JetStream, RabbitMQ and BullMQ.
import { connect } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { services } from '../harness';
import { BROKERS, brokerEnv, redisStreamsBroker, type BrokerId } from './support/brokers';
import { createMysqlFixture, type DbFixture } from './support/dbFixtures';
import { buildRelayProject, type RelayProject } from './support/relayProject';
import { crashRedeliveryScenario, parallelRelaysScenario, relayProcessScenario, retryBackoffScenario } from './support/relayScenarios';

let gen: RelayProject<'mysql'>;
let db: DbFixture;

beforeAll(async () => {
  gen = await buildRelayProject('mysql');
  db = await createMysqlFixture(gen);
});

afterAll(async () => {
  await db?.close();
  gen?.project.remove();
});

describe('outbox relay on MariaDB', () => {
  it('type-checks every broker variant (Kafka included) with tsc --strict against the real packages', () => {
    expect(gen.typecheck.output).toBe('');
    expect(gen.coreTexts.size).toBe(5);
  });

  for (const broker of ['redis-streams', 'nats-jetstream', 'rabbitmq', 'bullmq'] as BrokerId[]) {
    it(`${broker}: crash between publish and mark → redelivery, effect applied exactly once, order per aggregate`, async () => {
      const fixture = await BROKERS[broker](gen.publishers);
      try {
        const report = await crashRedeliveryScenario(gen.core, db, fixture);
        expect(report.events).toBe(16);
      } finally {
        await fixture.close();
      }
    });
  }

  for (const broker of ['redis-streams', 'nats-jetstream', 'rabbitmq', 'bullmq'] as BrokerId[]) {
    it(`${broker}: the generated relayMain.ts runs as a process, publishes, and stops cleanly on SIGTERM`, async () => {
      const fixture = await BROKERS[broker](gen.publishers, gen.params.destination);
      try {
        // MariaDB has no NOTIFY: a short poll.
        await relayProcessScenario(gen.project, `mysql-${broker}`, db, fixture, { ...brokerEnv(broker), OUTBOX_POLL_INTERVAL_MS: '200' });
      } finally {
        await fixture.close();
      }
    });
  }

  it('two relays in parallel never publish the same row (FOR UPDATE SKIP LOCKED) and keep per-aggregate order', async () => {
    const fixture = await redisStreamsBroker(gen.publishers);
    try {
      const report = await parallelRelaysScenario(gen.core, db, fixture.publisher);
      expect(report).toEqual({ firstRelay: 25, secondRelay: 15, secondWhileHeadsHeld: 0 });
      expect(await fixture.storedCount()).toBe(40 + 24);
    } finally {
      await fixture.close();
    }
  });

  it('retries a failed publish with backoff, holding back later events of the same aggregate', async () => {
    const nc = await connect({ servers: services.natsServers });
    const jsm = await nc.jetstreamManager();
    const prefix = `${gen.params.destination}_retry`;
    try {
      await retryBackoffScenario(
        gen.core,
        db,
        (subjectPrefix) => gen.publishers.createJetStreamPublisher(nc.jetstream(), subjectPrefix),
        async (name) => {
          await gen.publishers.ensureOutboxStream(nc, name, name);
          return async () => (await jsm.streams.info(name)).state.messages;
        },
        prefix,
      );
    } finally {
      await jsm.streams.delete(prefix).catch(() => false);
      await nc.close();
    }
  });
});
