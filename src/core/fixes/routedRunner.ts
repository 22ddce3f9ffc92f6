// The relay process a dual-write quick fix installs: one PostgreSQL outbox, published to every broker the
// service wrote to directly before. Rows written by the fix carry their destination (Kafka topic, BullMQ
// queue) in `aggregate_type` and the message key in `aggregate_id`, so per-aggregate order is exactly
// Kafka's per-key order, and each message reaches consumers in the shape they received before.
export interface RelayRoutes {
  kafka: string[];
  bullmq: string[];
}

export function routedRunRelaySource(routes: RelayRoutes, importExtension: '.js' | ''): string {
  const x = importExtension;
  const imports = ["import pg from 'pg';"];
  if (routes.kafka.length > 0) imports.push("import { Kafka } from 'kafkajs';");
  if (routes.bullmq.length > 0) imports.push("import { Queue } from 'bullmq';");
  imports.push(`import { listenForOutboxInserts } from './outboxWakeup${x}';`, `import { createPostgresOutboxStore } from './postgresOutboxStore${x}';`);
  if (routes.kafka.length > 0) imports.push(`import { createKafkaPublisher } from './kafkaPublisher${x}';`);
  imports.push(`import { createOutboxRelay, type OutboxPublisher } from './outboxRelay${x}';`);
  const env = ['DATABASE_URL', ...(routes.kafka.length > 0 ? ['KAFKA_BROKERS'] : []), ...(routes.bullmq.length > 0 ? ['REDIS_URL'] : [])];
  const kafkaSetup = routes.kafka.length === 0 ? '' : `
  const kafka = new Kafka({ clientId: 'outbox-relay', brokers: required(env, 'KAFKA_BROKERS').split(',') });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  closers.push(() => producer.disconnect());
  const kafkaPublisher = createKafkaPublisher(producer, (record) => record.aggregateType);
  for (const topic of KAFKA_TOPICS) routes.set(topic, kafkaPublisher);
`;
  const bullSetup = routes.bullmq.length === 0 ? '' : `
  const redisUrl = new URL(required(env, 'REDIS_URL'));
  const connection = { host: redisUrl.hostname, port: Number(redisUrl.port || 6379), password: redisUrl.password || undefined };
  for (const name of BULLMQ_QUEUES) {
    const queue = new Queue(name, { connection });
    closers.push(() => queue.close());
    routes.set(name, {
      async publish(record) {
        // The job carries the data the handler used to enqueue, so workers see no difference; the event
        // id as job id makes a re-published row a no-op while BullMQ keeps the job.
        await queue.add(record.eventType, record.payload, { jobId: record.eventId });
      },
    });
  }
`;
  return `// Runs the outbox relay as a long-lived process (node dist/outbox/relayMain.js, or call
// startOutboxRelay() from your own process). Environment: ${env.join(', ')}; optional OUTBOX_BATCH_SIZE
// and OUTBOX_POLL_INTERVAL_MS. Several copies may run: rows are claimed with SKIP LOCKED.
${imports.join('\n')}

/** Destinations this service writes to the outbox (the row's aggregate_type), by broker. */
export const KAFKA_TOPICS: readonly string[] = ${JSON.stringify(routes.kafka)};
export const BULLMQ_QUEUES: readonly string[] = ${JSON.stringify(routes.bullmq)};

export interface RunningRelay {
  stop(): Promise<void>;
}

export async function startOutboxRelay(env: NodeJS.ProcessEnv = process.env): Promise<RunningRelay> {
  const log = (error: unknown): void => console.error('[outbox-relay]', error);
  const databaseUrl = required(env, 'DATABASE_URL');
  const pool = new pg.Pool({ connectionString: databaseUrl });
  const store = createPostgresOutboxStore(pool);
  const closers: Array<() => Promise<void>> = [];
  const routes = new Map<string, OutboxPublisher>();
${kafkaSetup}${bullSetup}
  const publisher: OutboxPublisher = {
    async publish(record) {
      const route = routes.get(record.aggregateType);
      // An unknown destination fails the row: the relay retries it with backoff and logs the error.
      if (!route) throw new Error('outbox relay: no broker for destination ' + record.aggregateType);
      await route.publish(record);
    },
  };
  const relay = createOutboxRelay({
    store,
    publisher,
    batchSize: positiveInt(env.OUTBOX_BATCH_SIZE, 100),
    pollIntervalMs: positiveInt(env.OUTBOX_POLL_INTERVAL_MS, 1000),
    hooks: { onError: log },
  });
  // New rows NOTIFY the relay, so it publishes at once; polling stays the safety net.
  const wakeup = await listenForOutboxInserts({ connectionString: databaseUrl }, () => relay.wake(), log);
  relay.start();
  return {
    async stop() {
      // Finish the round in flight (its rows get marked), then close connections.
      await relay.stop();
      await wakeup.close();
      for (const close of closers) await close();
      await pool.end();
    },
  };
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error('outbox relay: environment variable ' + name + ' is required');
  return value;
}

function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}
`;
}
