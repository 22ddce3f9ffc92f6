// The relay core, identical in every outbox-relay variant: claim a batch, publish, mark. Databases and
// brokers only plug in through the OutboxStore and OutboxPublisher interfaces, so the proof of one
// variant against a real broker is a proof of this code path for all of them (the Kafka variant, which
// cannot run here, is type-checked against kafkajs and shares this exact text).
export const RELAY_CORE_PATH = 'src/outbox/outboxRelay.ts';

export const relayCoreSource = `// Outbox relay core (polling publisher). Delivery is AT LEAST ONCE: a crash between publishing and
// marking a row re-publishes it, so every consumer must be idempotent (dedupe on eventId).
//
// Ordering: stores claim only the oldest unpublished row of each aggregate (FOR UPDATE SKIP LOCKED), so
// the rows of one batch belong to different aggregates and two relays never hold the same aggregate.
// The core still publishes rows of one aggregate strictly in sequence in case a store returns several.

export interface OutboxRecord {
  /** Table sequence id (string: BIGINT does not fit a JS number safely). */
  id: string;
  /** Unique message id; consumers dedupe on it. */
  eventId: string;
  aggregateType: string;
  aggregateId: string;
  eventType: string;
  payload: unknown;
  /** Failed publish attempts so far. */
  attempts: number;
  createdAt: Date;
}

export interface PublishFailure {
  id: string;
  error: string;
  retryInMs: number;
}

/** Rows locked by one claim; nothing is visible to other relays until commit() or rollback(). */
export interface ClaimedBatch {
  records: OutboxRecord[];
  markPublished(ids: string[]): Promise<void>;
  markFailed(failures: PublishFailure[]): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

export interface OutboxStore {
  claimBatch(limit: number): Promise<ClaimedBatch>;
}

export interface OutboxPublisher {
  /** Resolves only once the broker has durably accepted the message (ack/confirm). */
  publish(record: OutboxRecord): Promise<void>;
}

export interface RelayHooks {
  /** Called after the broker accepted the batch and BEFORE rows are marked (metrics, tracing). */
  afterPublish?(records: OutboxRecord[]): void | Promise<void>;
  onError?(error: unknown): void;
}

export interface RelayOptions {
  store: OutboxStore;
  publisher: OutboxPublisher;
  batchSize?: number;
  /** Idle wait between polls when nothing is pending (a wake() call cuts it short). */
  pollIntervalMs?: number;
  /** Exponential backoff for rows whose publish failed: base * 2^(attempts-1), capped, with jitter. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  hooks?: RelayHooks;
}

export interface RelayRound {
  claimed: number;
  published: string[];
  failed: string[];
}

export interface OutboxRelay {
  /** One claim/publish/mark round in one transaction. */
  runOnce(): Promise<RelayRound>;
  /** Polls until stop(); rounds follow each other without waiting while batches come back full. */
  start(): void;
  stop(): Promise<void>;
  /** Ends the current idle wait now (e.g. on a database notification). */
  wake(): void;
}

export function retryDelayMs(attempts: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  // Equal jitter: never below half the delay, spread so failed rows do not retry in lockstep.
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

export function createOutboxRelay(options: RelayOptions): OutboxRelay {
  const batchSize = options.batchSize ?? 100;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const retryBaseMs = options.retryBaseMs ?? 500;
  const retryMaxMs = options.retryMaxMs ?? 60_000;
  const hooks = options.hooks ?? {};
  let running = false;
  let loop: Promise<void> | undefined;
  let wakeUp: (() => void) | undefined;
  // A wake() that arrives mid-round must not be lost: the next idle wait then returns at once.
  let wakeRequested = false;

  async function publishInOrder(records: OutboxRecord[]): Promise<{ published: OutboxRecord[]; failures: PublishFailure[] }> {
    const byAggregate = new Map<string, OutboxRecord[]>();
    for (const record of records) {
      const key = record.aggregateType + '\\u0000' + record.aggregateId;
      const group = byAggregate.get(key);
      if (group) group.push(record);
      else byAggregate.set(key, [record]);
    }
    const published: OutboxRecord[] = [];
    const failures: PublishFailure[] = [];
    // Aggregates are independent, so they publish concurrently; within one, stop at the first failure so
    // a later event never overtakes an earlier one (the rest stay unmarked and are claimed again).
    await Promise.all(
      [...byAggregate.values()].map(async (group) => {
        for (const record of group) {
          try {
            await options.publisher.publish(record);
            published.push(record);
          } catch (error) {
            failures.push({ id: record.id, error: describe(error), retryInMs: retryDelayMs(record.attempts + 1, retryBaseMs, retryMaxMs) });
            return;
          }
        }
      }),
    );
    return { published, failures };
  }

  async function runOnce(): Promise<RelayRound> {
    const batch = await options.store.claimBatch(batchSize);
    try {
      if (batch.records.length === 0) {
        await batch.commit();
        return { claimed: 0, published: [], failed: [] };
      }
      const { published, failures } = await publishInOrder(batch.records);
      if (published.length > 0) await hooks.afterPublish?.(published);
      // A crash from here to commit() leaves the rows unpublished: they are published again (at least once).
      await batch.markPublished(published.map((r) => r.id));
      await batch.markFailed(failures);
      await batch.commit();
      return { claimed: batch.records.length, published: published.map((r) => r.id), failed: failures.map((f) => f.id) };
    } catch (error) {
      await batch.rollback().catch(() => undefined);
      throw error;
    }
  }

  function idle(ms: number): Promise<void> {
    if (wakeRequested) {
      wakeRequested = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        wakeUp = undefined;
        resolve();
      }
      wakeUp = done;
    });
  }

  async function run(): Promise<void> {
    let consecutiveErrors = 0;
    while (running) {
      try {
        const round = await runOnce();
        consecutiveErrors = 0;
        if (round.claimed < batchSize && running) await idle(pollIntervalMs);
      } catch (error) {
        consecutiveErrors += 1;
        hooks.onError?.(error);
        if (running) await idle(retryDelayMs(consecutiveErrors, retryBaseMs, retryMaxMs));
      }
    }
  }

  return {
    runOnce,
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    async stop() {
      running = false;
      wakeUp?.();
      await loop;
    },
    wake() {
      if (wakeUp) wakeUp();
      else wakeRequested = true;
    },
  };
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 2000);
}
`;
