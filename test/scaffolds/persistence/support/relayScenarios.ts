// The outbox proofs, written once and run for every database × broker pair. Each returns what it measured;
// the test files assert on it. All failure cases use the generated code on real servers: crashes are
// injected through the relay's own afterPublish hook (between publish and mark), nothing is mocked.
import { expect } from 'vitest';
import { sleep, waitFor, withTimeout, type TempProject } from '../../harness';
import type { BrokerFixture } from './brokers';
import type { DbFixture } from './dbFixtures';
import type { OutboxPublisher, OutboxRecord, RelayCoreModule, RelayRound } from './generatedApi';

/** Wraps the real publisher only to count calls per event (the broker still receives every message). */
export function countingPublisher(inner: OutboxPublisher): OutboxPublisher & { calls: Map<string, number>; order: OutboxRecord[] } {
  const calls = new Map<string, number>();
  const order: OutboxRecord[] = [];
  return {
    calls,
    order,
    async publish(record) {
      calls.set(record.eventId, (calls.get(record.eventId) ?? 0) + 1);
      await inner.publish(record);
      order.push(record);
    },
  };
}

export async function drain(runOnce: () => Promise<RelayRound>, maxRounds = 200): Promise<number> {
  let rounds = 0;
  for (;;) {
    const round = await runOnce();
    rounds += 1;
    if (round.claimed === 0) return rounds;
    if (rounds > maxRounds) throw new Error(`relay did not drain in ${maxRounds} rounds`);
  }
}

/** Interleaved events: a1 b1 c1 d1 a2 b2 … so ordering per aggregate is actually at stake. */
async function placeInterleaved(db: DbFixture, aggregates: string[], perAggregate: number): Promise<string[]> {
  const ids: string[] = [];
  for (let seq = 1; seq <= perAggregate; seq++) {
    for (const aggregate of aggregates) ids.push(await db.placeOrder(aggregate, seq));
  }
  return ids;
}

export function expectPerAggregateOrder(items: Array<{ aggregateId: string; seq: number }>): void {
  const last = new Map<string, number>();
  for (const item of items) {
    const previous = last.get(item.aggregateId) ?? 0;
    expect(item.seq, `aggregate ${item.aggregateId}: seq ${item.seq} after ${previous}`).toBe(previous + 1);
    last.set(item.aggregateId, item.seq);
  }
}

export interface CrashReport {
  events: number;
  crashed: number;
  deliveries: number;
  duplicatesSkipped: number;
}

/**
 * Business writes (one failing), a relay round that crashes between publish and mark, then a healthy
 * relay: every committed event reaches the broker at least once, the consumer applies each exactly once,
 * in order per aggregate, and the rolled-back event never leaves the database.
 */
export async function crashRedeliveryScenario(core: RelayCoreModule, db: DbFixture, broker: BrokerFixture): Promise<CrashReport> {
  await db.reset();
  const aggregates = ['ord-a', 'ord-b', 'ord-c', 'ord-d'];
  const eventIds = await placeInterleaved(db, aggregates, 4);
  await expect(db.placeOrder('ord-x', 1, { fail: true })).rejects.toThrow(/check|constraint/i);
  expect(await db.count('outbox')).toBe(eventIds.length);
  expect(await db.count('orders')).toBe(eventIds.length);

  let duplicatesSkipped = 0;
  await broker.startConsumer(async (eventId, payload) => {
    if ((await db.applyOnce(eventId, payload)) === 'duplicate') duplicatesSkipped += 1;
  });

  const publisher = countingPublisher(broker.publisher);
  const crashing = core.createOutboxRelay({
    store: db.store,
    publisher,
    batchSize: 3,
    hooks: {
      afterPublish() {
        throw new Error('injected crash between publish and mark');
      },
    },
  });
  await expect(crashing.runOnce()).rejects.toThrow(/injected crash/);
  const crashedIds = [...publisher.calls.keys()];
  expect(crashedIds).toHaveLength(3);
  expect((await db.outboxRows()).every((r) => !r.published)).toBe(true);

  const relay = core.createOutboxRelay({ store: db.store, publisher, batchSize: 10 });
  await drain(() => relay.runOnce());
  const rows = await db.outboxRows();
  expect(rows.every((r) => r.published)).toBe(true);
  for (const id of eventIds) expect(publisher.calls.get(id), `publish calls for ${id}`).toBe(crashedIds.includes(id) ? 2 : 1);

  const expectedDeliveries = eventIds.length + (broker.dedupesByMessageId ? 0 : crashedIds.length);
  await waitFor(() => broker.deliveries.length, (n) => n >= expectedDeliveries, { message: `${broker.id}: deliveries`, timeoutMs: 15_000 });
  await waitFor(() => db.effects(), (e) => e.length >= eventIds.length, { message: `${broker.id}: effects`, timeoutMs: 15_000 });
  await sleep(150); // let any stray late delivery surface before counting
  const effects = await db.effects();
  expect(effects).toHaveLength(eventIds.length);
  expect(new Set(effects.map((e) => e.eventId))).toEqual(new Set(eventIds));
  expect(await db.count('processed')).toBe(eventIds.length);
  expectPerAggregateOrder(effects);
  expect(broker.deliveries).toHaveLength(expectedDeliveries);
  expect(await broker.storedCount()).toBe(expectedDeliveries);
  if (!broker.dedupesByMessageId) expect(duplicatesSkipped).toBe(crashedIds.length);
  return { events: eventIds.length, crashed: crashedIds.length, deliveries: broker.deliveries.length, duplicatesSkipped };
}

export interface ParallelReport {
  firstRelay: number;
  secondRelay: number;
  secondWhileHeadsHeld: number;
}

/**
 * Two relays in one round: relay A holds its claimed rows (its afterPublish waits) while relay B runs a
 * full round. Without SKIP LOCKED B would block on A's locks and the latch would time out; with it B takes
 * only the other rows. Then, with several events per aggregate, B must get nothing while A holds the heads.
 */
export async function parallelRelaysScenario(core: RelayCoreModule, db: DbFixture, publisher: OutboxPublisher): Promise<ParallelReport> {
  await db.reset();
  const single = Array.from({ length: 40 }, (_, i) => `solo-${i}`);
  const ids = await placeInterleaved(db, single, 1);

  const seenA = countingPublisher(publisher);
  const seenB = countingPublisher(publisher);
  let signalHolding: () => void = () => undefined;
  const aHolding = new Promise<void>((resolve) => (signalHolding = resolve));
  let releaseA: () => void = () => undefined;
  const bDone = new Promise<void>((resolve) => (releaseA = resolve));
  const relayA = core.createOutboxRelay({
    store: db.store,
    publisher: seenA,
    batchSize: 25,
    hooks: {
      async afterPublish() {
        signalHolding();
        await bDone;
      },
    },
  });
  const relayB = core.createOutboxRelay({ store: db.store, publisher: seenB, batchSize: 25 });
  const roundA = relayA.runOnce();
  await aHolding;
  const roundB = await withTimeout(relayB.runOnce(), 10_000, "relay B blocked on relay A's locks");
  releaseA();
  const resultA = await roundA;
  expect(resultA.published).toHaveLength(25);
  expect(roundB.published).toHaveLength(15);
  const a = new Set(seenA.calls.keys());
  const b = new Set(seenB.calls.keys());
  expect([...a].filter((id) => b.has(id))).toEqual([]);
  expect(new Set([...a, ...b])).toEqual(new Set(ids));
  expect([...seenA.calls.values(), ...seenB.calls.values()].every((n) => n === 1)).toBe(true);

  // Several events per aggregate: the heads are all A's, so B must find nothing claimable.
  await db.reset();
  const multi = Array.from({ length: 8 }, (_, i) => `multi-${i}`);
  const multiIds = await placeInterleaved(db, multi, 3);
  let holdSignal: () => void = () => undefined;
  const holding = new Promise<void>((resolve) => (holdSignal = resolve));
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const order = countingPublisher(publisher);
  const holder = core.createOutboxRelay({
    store: db.store,
    publisher: order,
    batchSize: 100,
    hooks: {
      async afterPublish() {
        holdSignal();
        await released;
      },
    },
  });
  const held = holder.runOnce();
  await holding;
  const other = await core.createOutboxRelay({ store: db.store, publisher: order, batchSize: 100 }).runOnce();
  release();
  expect((await held).published).toHaveLength(multi.length);
  expect(other.claimed).toBe(0);

  // Drain with both relays racing: every event published once, each aggregate in order.
  const r1 = core.createOutboxRelay({ store: db.store, publisher: order, batchSize: 3 });
  const r2 = core.createOutboxRelay({ store: db.store, publisher: order, batchSize: 3 });
  await Promise.all([drain(() => r1.runOnce()), drain(() => r2.runOnce())]);
  await drain(() => r1.runOnce());
  expect([...order.calls.values()].every((n) => n === 1)).toBe(true);
  expect(new Set(order.calls.keys())).toEqual(new Set(multiIds));
  expectPerAggregateOrder(order.order.map((r) => r.payload as { aggregateId: string; seq: number }));
  return { firstRelay: resultA.published.length, secondRelay: roundB.published.length, secondWhileHeadsHeld: other.claimed };
}

/**
 * A real broker failure: no JetStream stream captures the subject yet, so NATS answers 503. The failed
 * head gets attempts + 1, an error and a backoff; the aggregate's next event is held back; another
 * aggregate goes on. Once the stream exists the row is retried after its backoff, in order.
 */
export async function retryBackoffScenario(
  core: RelayCoreModule,
  db: DbFixture,
  makePublisher: (subjectPrefix: string) => OutboxPublisher,
  createStream: (name: string) => Promise<() => Promise<number>>,
  prefix: string,
): Promise<void> {
  await db.reset();
  const first = await db.placeOrder('retry-a', 1);
  const second = await db.placeOrder('retry-a', 2);
  const other = await db.placeOrder('retry-b', 1);
  const publisher = countingPublisher(makePublisher(prefix));
  const relay = core.createOutboxRelay({ store: db.store, publisher, retryBaseMs: 400, retryMaxMs: 400 });
  const failedRound = await relay.runOnce();
  expect(failedRound.claimed).toBe(2);
  expect(failedRound.failed).toHaveLength(2);
  let rows = await db.outboxRows();
  expect(rows.map((r) => r.attempts)).toEqual([1, 0, 1]);
  expect(rows[0]?.lastError).toMatch(/503|no responders/i);
  expect(publisher.calls.get(second)).toBeUndefined();
  // Backing off: nothing is claimable right away.
  expect((await relay.runOnce()).claimed).toBe(0);

  const storedCount = await createStream(prefix);
  // Backoff is 200–400 ms (jittered): rounds keep running until every row went out.
  rows = await waitFor(
    async () => {
      await relay.runOnce();
      return db.outboxRows();
    },
    (current) => current.every((r) => r.published),
    { timeoutMs: 5_000, message: 'retry after backoff' },
  );
  expect(rows.map((r) => r.attempts)).toEqual([1, 0, 1]);
  expect(publisher.order.map((r) => r.eventId).filter((id) => id !== other)).toEqual([first, second]);
  expect(await storedCount()).toBe(3);
}

/**
 * The generated relayMain.ts as a real process (runRelay.ts wiring from environment variables): it
 * publishes new committed events to the broker, marks them, and exits 0 on SIGTERM.
 */
export async function relayProcessScenario(
  project: TempProject,
  variant: string,
  db: DbFixture,
  broker: BrokerFixture,
  env: Record<string, string>,
): Promise<void> {
  await db.reset();
  const relay = await project.spawnScript(`${variant}/src/outbox/relayMain.ts`, { env: { DATABASE_URL: db.url, ...env }, timeoutMs: 30_000 });
  try {
    await waitFor(() => relay.output(), (o) => o.stdout.includes('started') || o.stderr !== '', { timeoutMs: 15_000, message: `${variant}: relay process start` });
    expect(relay.output().stderr).toBe('');
    const ids = [await db.placeOrder('proc-a', 1), await db.placeOrder('proc-b', 1), await db.placeOrder('proc-a', 2)];
    await waitFor(() => broker.storedCount(), (n) => n === ids.length, { timeoutMs: 25_000, message: `${variant}: events on the broker` });
    await waitFor(() => db.outboxRows(), (rows) => rows.every((r) => r.published), { timeoutMs: 25_000, message: `${variant}: rows marked` });
  } finally {
    relay.kill('SIGTERM');
  }
  const result = await relay.result;
  expect(result.stderr).toBe('');
  expect(result.stdout).toContain('SIGTERM, stopping');
  expect(result.code).toBe(0);
}
