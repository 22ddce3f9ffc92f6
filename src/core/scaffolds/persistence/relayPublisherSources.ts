// Broker side of the outbox relay: one small adapter per broker implementing OutboxPublisher. Each
// resolves only after the broker durably accepted the message, and carries the outbox eventId as the
// message id so consumers (and brokers that support it) can de-duplicate redeliveries.
import type { Template } from '../template';

export const redisStreamsPublisherSource: Template = (s) => `// Redis Streams publisher for the outbox relay (ioredis). XADD returns once the entry is in the stream;
// consumers read with XREADGROUP and dedupe on the eventId field.
import type { Redis } from 'ioredis';
import type { OutboxPublisher, OutboxRecord } from './outboxRelay.js';

export const OUTBOX_STREAM = '${s('destination')}';

export function createRedisStreamsPublisher(redis: Redis, stream: string = OUTBOX_STREAM): OutboxPublisher {
  return {
    async publish(record: OutboxRecord): Promise<void> {
      // No MAXLEN trimming here: trimming could drop entries a consumer group has not read yet.
      await redis.xadd(
        stream,
        '*',
        'eventId', record.eventId,
        'eventType', record.eventType,
        'aggregateType', record.aggregateType,
        'aggregateId', record.aggregateId,
        'payload', JSON.stringify(record.payload),
      );
    },
  };
}
`;

export const natsJetStreamPublisherSource: Template = (s) => `// NATS JetStream publisher for the outbox relay (nats). js.publish resolves on the stream's PubAck, and
// the eventId goes out as Nats-Msg-Id so JetStream itself drops re-publishes inside its duplicate window.
import { headers, type JetStreamClient, type NatsConnection } from 'nats';
import type { OutboxPublisher, OutboxRecord } from './outboxRelay.js';

export const OUTBOX_STREAM = '${s('destination')}';
export const OUTBOX_SUBJECT_PREFIX = '${s('destination')}';

/** Creates the stream capturing <prefix>.> (adding an identical stream again is a no-op). */
export async function ensureOutboxStream(nc: NatsConnection, stream: string = OUTBOX_STREAM, subjectPrefix: string = OUTBOX_SUBJECT_PREFIX): Promise<void> {
  const jsm = await nc.jetstreamManager();
  await jsm.streams.add({ name: stream, subjects: [subjectPrefix + '.>'] });
}

export function createJetStreamPublisher(js: JetStreamClient, subjectPrefix: string = OUTBOX_SUBJECT_PREFIX): OutboxPublisher {
  const encoder = new TextEncoder();
  return {
    async publish(record: OutboxRecord): Promise<void> {
      const h = headers();
      h.set('Event-Type', record.eventType);
      h.set('Aggregate-Type', record.aggregateType);
      h.set('Aggregate-Id', record.aggregateId);
      await js.publish(subjectPrefix + '.' + subjectToken(record.eventType), encoder.encode(JSON.stringify(record.payload)), {
        msgID: record.eventId,
        headers: h,
      });
    },
  };
}

/** An event type as one subject token (no dots, spaces or wildcards). */
export function subjectToken(value: string): string {
  const token = value.replace(/[^A-Za-z0-9_-]/g, '_');
  return token === '' ? '_' : token;
}
`;

export const rabbitMqPublisherSource: Template = (s) => `// RabbitMQ publisher for the outbox relay (amqplib) on a confirm channel: publish resolves only when the
// broker confirms the persistent message. Routing key = event type on a durable topic exchange.
import type { ConfirmChannel } from 'amqplib';
import type { OutboxPublisher, OutboxRecord } from './outboxRelay.js';

export const OUTBOX_EXCHANGE = '${s('destination')}';

/** Declares the durable topic exchange; bind your queues to it (e.g. routing key '#') before publishing. */
export async function assertOutboxExchange(channel: ConfirmChannel, exchange: string = OUTBOX_EXCHANGE): Promise<void> {
  await channel.assertExchange(exchange, 'topic', { durable: true });
}

export function createRabbitMqPublisher(channel: ConfirmChannel, exchange: string = OUTBOX_EXCHANGE): OutboxPublisher {
  return {
    publish(record: OutboxRecord): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        channel.publish(
          exchange,
          record.eventType,
          Buffer.from(JSON.stringify(record.payload)),
          {
            persistent: true,
            messageId: record.eventId,
            type: record.eventType,
            contentType: 'application/json',
            timestamp: Math.floor(record.createdAt.getTime() / 1000),
            headers: { 'aggregate-type': record.aggregateType, 'aggregate-id': record.aggregateId },
          },
          // Called on the broker's ack (err null) or nack: only an ack lets the relay mark the row.
          (err: unknown) => (err ? reject(err instanceof Error ? err : new Error('RabbitMQ nacked ' + record.eventId)) : resolve()),
        );
      });
    },
  };
}
`;

export const kafkaPublisherSource: Template = (s) => `// Kafka publisher for the outbox relay (kafkajs). The aggregate id is the message key, so one aggregate's
// events land in one partition in order; acks -1 waits for all in-sync replicas.
import type { Producer } from 'kafkajs';
import type { OutboxPublisher, OutboxRecord } from './outboxRelay.js';

export const OUTBOX_TOPIC = '${s('destination')}';

/**
 * Create the producer with kafka.producer({ idempotent: true, maxInFlightRequests: 1 }) and connect() it
 * first: retries inside kafkajs then cannot duplicate or reorder messages.
 */
export function createKafkaPublisher(producer: Producer, topic: string | ((record: OutboxRecord) => string) = OUTBOX_TOPIC): OutboxPublisher {
  return {
    async publish(record: OutboxRecord): Promise<void> {
      await producer.send({
        topic: typeof topic === 'string' ? topic : topic(record),
        acks: -1,
        messages: [
          {
            key: record.aggregateId,
            // A payload stored as text (a value that was already serialized) goes out as it was written.
            value: typeof record.payload === 'string' ? record.payload : JSON.stringify(record.payload),
            timestamp: String(record.createdAt.getTime()),
            headers: {
              eventId: record.eventId,
              eventType: record.eventType,
              aggregateType: record.aggregateType,
            },
          },
        ],
      });
    },
  };
}
`;

export const bullMqPublisherSource: Template = (s) => `// BullMQ publisher for the outbox relay: each outbox event becomes a job named after the event type. The
// eventId is the jobId, so BullMQ ignores a re-published event while the job is still kept.
import type { Queue } from 'bullmq';
import type { OutboxPublisher, OutboxRecord } from './outboxRelay.js';

export const OUTBOX_QUEUE = '${s('destination')}';

export interface OutboxJobData {
  eventId: string;
  aggregateType: string;
  aggregateId: string;
  payload: unknown;
}

export function createBullMqPublisher(queue: Queue<OutboxJobData>): OutboxPublisher {
  return {
    async publish(record: OutboxRecord): Promise<void> {
      await queue.add(
        record.eventType,
        { eventId: record.eventId, aggregateType: record.aggregateType, aggregateId: record.aggregateId, payload: record.payload },
        { jobId: record.eventId, removeOnComplete: { count: 10_000 }, removeOnFail: false },
      );
    },
  };
}
`;
