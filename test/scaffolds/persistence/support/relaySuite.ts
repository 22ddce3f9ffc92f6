// The relay proofs both database variants share: type-check, crash redelivery per broker, the generated
// process, SKIP LOCKED in parallel, and retry with backoff. Called inside each database's describe block.
import { connect } from 'nats';
import { expect, it } from 'vitest';
import { services } from '../../harness';
import { BROKERS, brokerEnv, redisStreamsBroker, type BrokerId } from './brokers';
import type { DbFixture } from './dbFixtures';
import type { Db, RelayProject } from './relayProject';
import { crashRedeliveryScenario, parallelRelaysScenario, relayProcessScenario, retryBackoffScenario } from './relayScenarios';

/**
 * @param ctx the suite's generated project and database, set up in its beforeAll
 * @param processPollMs the relay process's poll interval: short on MariaDB (no NOTIFY), 60 s on PostgreSQL so
 *   only LISTEN/NOTIFY can make it fast
 */
export function sharedRelayTests<D extends Db>(dialect: D, ctx: () => { gen: RelayProject<D>; db: DbFixture }, processPollMs: string): void {
  it('type-checks every broker variant (Kafka included) with tsc --strict against the real packages', () => {
    expect(ctx().gen.typecheck.output).toBe('');
    expect(ctx().gen.coreTexts.size).toBe(5);
  });

  for (const broker of ['redis-streams', 'nats-jetstream', 'rabbitmq', 'bullmq'] as BrokerId[]) {
    it(`${broker}: crash between publish and mark → redelivery, effect applied exactly once, order per aggregate`, async () => {
      const fixture = await BROKERS[broker](ctx().gen.publishers);
      try {
        const report = await crashRedeliveryScenario(ctx().gen.core, ctx().db, fixture);
        expect(report.events).toBe(16);
      } finally {
        await fixture.close();
      }
    });
  }

  for (const broker of ['redis-streams', 'nats-jetstream', 'rabbitmq', 'bullmq'] as BrokerId[]) {
    it(`${broker}: the generated relayMain.ts runs as a process, publishes, and stops cleanly on SIGTERM`, async () => {
      const fixture = await BROKERS[broker](ctx().gen.publishers, ctx().gen.params.destination);
      try {
        await relayProcessScenario(ctx().gen.project, `${dialect}-${broker}`, ctx().db, fixture, { ...brokerEnv(broker), OUTBOX_POLL_INTERVAL_MS: processPollMs });
      } finally {
        await fixture.close();
      }
    });
  }

  it('two relays in parallel never publish the same row (FOR UPDATE SKIP LOCKED) and keep per-aggregate order', async () => {
    const fixture = await redisStreamsBroker(ctx().gen.publishers);
    try {
      const report = await parallelRelaysScenario(ctx().gen.core, ctx().db, fixture.publisher);
      expect(report).toEqual({ firstRelay: 25, secondRelay: 15, secondWhileHeadsHeld: 0 });
      expect(await fixture.storedCount()).toBe(40 + 24);
    } finally {
      await fixture.close();
    }
  });

  it('retries a failed publish with backoff, holding back later events of the same aggregate', async () => {
    const nc = await connect({ servers: services.natsServers });
    const jsm = await nc.jetstreamManager();
    const prefix = `${ctx().gen.params.destination}_retry`;
    try {
      await retryBackoffScenario(
        ctx().gen.core,
        ctx().db,
        (subjectPrefix) => ctx().gen.publishers.createJetStreamPublisher(nc.jetstream(), subjectPrefix),
        async (name) => {
          await ctx().gen.publishers.ensureOutboxStream(nc, name, name);
          return async () => (await jsm.streams.info(name)).state.messages;
        },
        prefix,
      );
    } finally {
      await jsm.streams.delete(prefix).catch(() => false);
      await nc.close();
    }
  });
}
