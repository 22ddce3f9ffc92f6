// The relay as a process: connects the database and the broker from environment variables, starts the
// relay (plus the LISTEN/NOTIFY wake-up on PostgreSQL) and stops cleanly on SIGINT/SIGTERM. Assembled from
// one database part and one broker part, so each variant's runner is the same shape.

export interface RunnerPart {
  imports: string[];
  /** Statements creating `store` (database) or `publisher` plus `closeBroker` (broker). */
  setup: string;
  /** The environment variables the part reads, for the notes. */
  env: string[];
}

export const RUNNER_DATABASES: Record<string, RunnerPart> = {
  postgres: {
    imports: [
      "import pg from 'pg';",
      "import { listenForOutboxInserts } from './outboxWakeup.js';",
      "import { createPostgresOutboxStore } from './postgresOutboxStore.js';",
    ],
    setup: `  const databaseUrl = required(env, 'DATABASE_URL');
  const pool = new pg.Pool({ connectionString: databaseUrl });
  const store = createPostgresOutboxStore(pool);
  const closeDatabase = (): Promise<void> => pool.end();`,
    env: ['DATABASE_URL'],
  },
  mysql: {
    imports: ["import mysql from 'mysql2/promise';", "import { createMysqlOutboxStore } from './mysqlOutboxStore.js';"],
    setup: `  const pool = mysql.createPool(required(env, 'DATABASE_URL'));
  const store = createMysqlOutboxStore(pool);
  const closeDatabase = (): Promise<void> => pool.end();`,
    env: ['DATABASE_URL'],
  },
};

export const RUNNER_BROKERS: Record<string, RunnerPart> = {
  'redis-streams': {
    imports: ["import { Redis } from 'ioredis';", "import { createRedisStreamsPublisher } from './redisStreamsPublisher.js';"],
    setup: `  const redis = new Redis(required(env, 'REDIS_URL'));
  const publisher = createRedisStreamsPublisher(redis);
  const closeBroker = async (): Promise<void> => {
    await redis.quit();
  };`,
    env: ['REDIS_URL'],
  },
  'nats-jetstream': {
    imports: ["import { connect } from 'nats';", "import { createJetStreamPublisher, ensureOutboxStream } from './jetStreamPublisher.js';"],
    setup: `  const nc = await connect({ servers: required(env, 'NATS_SERVERS').split(',') });
  await ensureOutboxStream(nc);
  const publisher = createJetStreamPublisher(nc.jetstream());
  const closeBroker = (): Promise<void> => nc.drain();`,
    env: ['NATS_SERVERS'],
  },
  rabbitmq: {
    imports: ["import { connect } from 'amqplib';", "import { assertOutboxExchange, createRabbitMqPublisher } from './rabbitMqPublisher.js';"],
    setup: `  const connection = await connect(required(env, 'AMQP_URL'));
  const channel = await connection.createConfirmChannel();
  await assertOutboxExchange(channel);
  const publisher = createRabbitMqPublisher(channel);
  const closeBroker = async (): Promise<void> => {
    await channel.close();
    await connection.close();
  };`,
    env: ['AMQP_URL'],
  },
  kafka: {
    imports: ["import { Kafka } from 'kafkajs';", "import { createKafkaPublisher } from './kafkaPublisher.js';"],
    setup: `  const kafka = new Kafka({ clientId: 'outbox-relay', brokers: required(env, 'KAFKA_BROKERS').split(',') });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const publisher = createKafkaPublisher(producer);
  const closeBroker = (): Promise<void> => producer.disconnect();`,
    env: ['KAFKA_BROKERS'],
  },
  bullmq: {
    imports: ["import { Queue } from 'bullmq';", "import { createBullMqPublisher, OUTBOX_QUEUE, type OutboxJobData } from './bullMqPublisher.js';"],
    setup: `  const redisUrl = new URL(required(env, 'REDIS_URL'));
  const queue = new Queue<OutboxJobData>(OUTBOX_QUEUE, {
    connection: { host: redisUrl.hostname, port: Number(redisUrl.port || 6379), password: redisUrl.password || undefined },
  });
  const publisher = createBullMqPublisher(queue);
  const closeBroker = (): Promise<void> => queue.close();`,
    env: ['REDIS_URL'],
  },
};

export function runRelaySource(databaseId: string, brokerId: string): string {
  const database = RUNNER_DATABASES[databaseId];
  const broker = RUNNER_BROKERS[brokerId];
  if (!database || !broker) throw new Error(`outbox-relay: no runner for ${databaseId}-${brokerId}`);
  const wakeup =
    databaseId === 'postgres'
      ? `  // New rows NOTIFY the relay, so it publishes at once; polling stays the safety net.
  const wakeup = await listenForOutboxInserts({ connectionString: databaseUrl }, () => relay.wake(), log);`
      : '  const wakeup = { close: async (): Promise<void> => undefined };';
  return `// Runs the outbox relay as a long-lived process. Environment: ${[...database.env, ...broker.env].join(', ')};
// optional OUTBOX_BATCH_SIZE and OUTBOX_POLL_INTERVAL_MS. Run several copies for availability: rows are
// claimed with SKIP LOCKED, so they never publish the same row twice.
${[...database.imports, ...broker.imports, "import { createOutboxRelay } from './outboxRelay.js';"].join('\n')}

export interface RunningRelay {
  stop(): Promise<void>;
}

export async function startOutboxRelay(env: NodeJS.ProcessEnv = process.env): Promise<RunningRelay> {
  const log = (error: unknown): void => console.error('[outbox-relay]', error);
${database.setup}
${broker.setup}
  const relay = createOutboxRelay({
    store,
    publisher,
    batchSize: positiveInt(env.OUTBOX_BATCH_SIZE, 100),
    pollIntervalMs: positiveInt(env.OUTBOX_POLL_INTERVAL_MS, 1000),
    hooks: { onError: log },
  });
${wakeup}
  relay.start();
  return {
    async stop() {
      // Finish the round in flight (its rows get marked), then close connections.
      await relay.stop();
      await wakeup.close();
      await closeBroker();
      await closeDatabase();
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

/** Entry point: `node dist/outbox/relayMain.js` (CommonJS or ESM alike: no top-level await). */
export const relayMainSource = `// Outbox relay process entry point: starts the relay and stops it cleanly on SIGINT/SIGTERM.
import { startOutboxRelay } from './runRelay.js';

startOutboxRelay().then(
  (running) => {
    console.log('[outbox-relay] started');
    const shutdown = (signal: NodeJS.Signals): void => {
      console.log('[outbox-relay] ' + signal + ', stopping');
      running.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('[outbox-relay] stop failed', error);
          process.exit(1);
        },
      );
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  },
  (error: unknown) => {
    console.error('[outbox-relay] failed to start', error);
    process.exit(1);
  },
);
`;
