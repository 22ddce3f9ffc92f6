// Real brokers for the relay proofs: the publisher is the GENERATED adapter; the consumer is an ordinary
// client of each broker (consumer group, durable pull consumer, queue with manual ack, BullMQ worker)
// that acknowledges a message only after the generated consumeOnce has committed.
import amqp from 'amqplib';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { AckPolicy, connect, type ConsumerMessages } from 'nats';
import { services, uniqueName } from '../../harness';
import type { OrderPayload } from './dbFixtures';
import type { OutboxPublisher, PublisherModules } from './generatedApi';

export type BrokerId = 'redis-streams' | 'nats-jetstream' | 'rabbitmq' | 'bullmq';

export interface BrokerFixture {
  id: BrokerId;
  /** Stream / subject prefix / exchange / queue this fixture uses. */
  streamName: string;
  /** NATS (Nats-Msg-Id) and BullMQ (jobId) drop a re-published event themselves; the others deliver it again. */
  dedupesByMessageId: boolean;
  publisher: OutboxPublisher;
  /** Every delivery the consumer saw, duplicates included (event ids). */
  deliveries: string[];
  startConsumer(handle: (eventId: string, payload: OrderPayload) => Promise<void>): Promise<void>;
  /** Messages the broker holds for this test (stream length, job count…). */
  storedCount(): Promise<number>;
  close(): Promise<void>;
}

type Handler = (eventId: string, payload: OrderPayload) => Promise<void>;

function parsePayload(text: string): OrderPayload {
  const value = JSON.parse(text) as OrderPayload;
  if (typeof value.aggregateId !== 'string' || typeof value.seq !== 'number') throw new Error(`unexpected payload ${text}`);
  return value;
}

export async function redisStreamsBroker(mods: PublisherModules, stream: string = uniqueName('ea_stream')): Promise<BrokerFixture> {
  const redis = new Redis(services.redisUrl);
  const reader = new Redis(services.redisUrl);
  const deliveries: string[] = [];
  let running = false;
  let loop: Promise<void> | undefined;
  return {
    id: 'redis-streams',
    streamName: stream,
    dedupesByMessageId: false,
    publisher: mods.createRedisStreamsPublisher(redis, stream),
    deliveries,
    async startConsumer(handle: Handler) {
      await reader.xgroup('CREATE', stream, 'ledger', '0', 'MKSTREAM');
      running = true;
      loop = (async () => {
        while (running) {
          const batch = (await reader.xreadgroup('GROUP', 'ledger', 'proof', 'COUNT', 50, 'BLOCK', 100, 'STREAMS', stream, '>')) as
            | Array<[string, Array<[string, string[]]>]>
            | null;
          for (const [, entries] of batch ?? []) {
            for (const [entryId, fields] of entries) {
              const map = new Map<string, string>();
              for (let i = 0; i + 1 < fields.length; i += 2) map.set(fields[i] ?? '', fields[i + 1] ?? '');
              const eventId = map.get('eventId') ?? '';
              deliveries.push(eventId);
              await handle(eventId, parsePayload(map.get('payload') ?? 'null'));
              await reader.xack(stream, 'ledger', entryId);
            }
          }
        }
      })();
    },
    storedCount: () => redis.xlen(stream),
    async close() {
      running = false;
      await loop;
      await redis.del(stream);
      reader.disconnect();
      redis.disconnect();
    },
  };
}

export async function natsJetStreamBroker(mods: PublisherModules, name: string = uniqueName('ea_js')): Promise<BrokerFixture> {
  const nc = await connect({ servers: services.natsServers });
  const jsm = await nc.jetstreamManager();
  await mods.ensureOutboxStream(nc, name, name);
  const deliveries: string[] = [];
  let messages: ConsumerMessages | undefined;
  let loop: Promise<void> | undefined;
  return {
    id: 'nats-jetstream',
    streamName: name,
    dedupesByMessageId: true,
    publisher: mods.createJetStreamPublisher(nc.jetstream(), name),
    deliveries,
    async startConsumer(handle: Handler) {
      await jsm.consumers.add(name, { durable_name: 'ledger', ack_policy: AckPolicy.Explicit, max_ack_pending: 1 });
      const consumer = await nc.jetstream().consumers.get(name, 'ledger');
      const iterator = await consumer.consume({ max_messages: 10 });
      messages = iterator;
      loop = (async () => {
        for await (const m of iterator) {
          const eventId = m.headers?.get('Nats-Msg-Id') ?? '';
          deliveries.push(eventId);
          await handle(eventId, parsePayload(m.string()));
          await m.ackAck();
        }
      })();
    },
    async storedCount() {
      return (await jsm.streams.info(name)).state.messages;
    },
    async close() {
      messages?.stop();
      await loop;
      await jsm.streams.delete(name);
      await nc.close();
    },
  };
}

export async function rabbitMqBroker(mods: PublisherModules, exchange: string = uniqueName('ea_ex')): Promise<BrokerFixture> {
  const queue = uniqueName('ea_queue');
  const connection = await amqp.connect(services.amqpUrl);
  const confirm = await connection.createConfirmChannel();
  await mods.assertOutboxExchange(confirm, exchange);
  const channel = await connection.createChannel();
  await channel.assertQueue(queue, { durable: true });
  await channel.bindQueue(queue, exchange, '#');
  const deliveries: string[] = [];
  let consumed = 0;
  return {
    id: 'rabbitmq',
    streamName: exchange,
    dedupesByMessageId: false,
    publisher: mods.createRabbitMqPublisher(confirm, exchange),
    deliveries,
    async startConsumer(handle: Handler) {
      // prefetch 1: one message in flight, so delivery order is queue order.
      await channel.prefetch(1);
      await channel.consume(queue, (message) => {
        if (!message) return;
        const eventId = String(message.properties.messageId);
        deliveries.push(eventId);
        handle(eventId, parsePayload(message.content.toString()))
          .then(() => {
            consumed += 1;
            channel.ack(message);
          })
          .catch(() => channel.nack(message, false, true));
      });
    },
    async storedCount() {
      const { messageCount } = await channel.checkQueue(queue);
      return messageCount + consumed;
    },
    async close() {
      await channel.deleteQueue(queue);
      await channel.deleteExchange(exchange);
      await connection.close();
    },
  };
}

export async function bullMqBroker(mods: PublisherModules, name: string = uniqueName('ea_jobs')): Promise<BrokerFixture> {
  const url = new URL(services.redisUrl);
  const connection = { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null };
  const queue = new Queue<{ eventId: string; aggregateType: string; aggregateId: string; payload: unknown }>(name, { connection });
  const deliveries: string[] = [];
  let worker: Worker | undefined;
  return {
    id: 'bullmq',
    streamName: name,
    dedupesByMessageId: true,
    publisher: mods.createBullMqPublisher(queue),
    deliveries,
    async startConsumer(handle: Handler) {
      worker = new Worker(
        name,
        async (job) => {
          const data = job.data as { eventId: string; payload: unknown };
          deliveries.push(data.eventId);
          await handle(data.eventId, parsePayload(JSON.stringify(data.payload)));
        },
        { connection, concurrency: 1 },
      );
      await worker.waitUntilReady();
    },
    async storedCount() {
      const counts = await queue.getJobCounts('waiting', 'active', 'completed', 'failed', 'delayed');
      return Object.values(counts).reduce((a, b) => a + b, 0);
    },
    async close() {
      await worker?.close();
      await queue.obliterate({ force: true });
      await queue.close();
    },
  };
}

/** Fixture factories; `name` (stream / subject prefix / exchange / queue) defaults to a unique one. */
export const BROKERS: Record<BrokerId, (mods: PublisherModules, name?: string) => Promise<BrokerFixture>> = {
  'redis-streams': redisStreamsBroker,
  'nats-jetstream': natsJetStreamBroker,
  rabbitmq: rabbitMqBroker,
  bullmq: bullMqBroker,
};

/** The environment the generated runRelay.ts reads for each broker. */
export function brokerEnv(id: BrokerId): Record<string, string> {
  switch (id) {
    case 'redis-streams':
    case 'bullmq':
      return { REDIS_URL: services.redisUrl };
    case 'nats-jetstream':
      return { NATS_SERVERS: services.natsServers };
    case 'rabbitmq':
      return { AMQP_URL: services.amqpUrl };
  }
}
