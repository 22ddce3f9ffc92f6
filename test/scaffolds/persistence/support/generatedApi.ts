// The API the generated persistence modules export, as the proof tests use it. The generated files are
// type-checked on their own by tsc; these structural types only let the tests call them without `any`.
import type { Pool as MysqlPool } from 'mysql2/promise';
import type pg from 'pg';

export interface OutboxRecord {
  id: string;
  eventId: string;
  aggregateType: string;
  aggregateId: string;
  eventType: string;
  payload: unknown;
  attempts: number;
  createdAt: Date;
}

export interface OutboxStore {
  claimBatch(limit: number): Promise<{ records: OutboxRecord[] }>;
}

export interface OutboxPublisher {
  publish(record: OutboxRecord): Promise<void>;
}

export interface RelayRound {
  claimed: number;
  published: string[];
  failed: string[];
}

export interface OutboxRelay {
  runOnce(): Promise<RelayRound>;
  start(): void;
  stop(): Promise<void>;
  wake(): void;
}

export interface RelayOptions {
  store: OutboxStore;
  publisher: OutboxPublisher;
  batchSize?: number;
  pollIntervalMs?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  hooks?: { afterPublish?(records: OutboxRecord[]): void | Promise<void>; onError?(error: unknown): void };
}

export interface RelayCoreModule {
  createOutboxRelay(options: RelayOptions): OutboxRelay;
  retryDelayMs(attempts: number, baseMs: number, maxMs: number, random?: () => number): number;
}

export interface NewOutboxEvent {
  aggregateType: string;
  aggregateId: string;
  eventType: string;
  payload: unknown;
}

export interface PostgresStoreModule {
  createPostgresOutboxStore(pool: pg.Pool): OutboxStore;
  enqueueOutboxEvent(tx: pg.ClientBase, event: NewOutboxEvent): Promise<string>;
}

export interface PostgresWakeupModule {
  listenForOutboxInserts(config: pg.ClientConfig, onInsert: () => void, onError?: (e: unknown) => void): Promise<{ close(): Promise<void> }>;
}

export interface MysqlStoreModule {
  createMysqlOutboxStore(pool: MysqlPool): OutboxStore;
  enqueueOutboxEvent(tx: import('mysql2/promise').Connection, event: NewOutboxEvent): Promise<string>;
}

export type ConsumeOutcome<T> = { status: 'applied'; value: T } | { status: 'duplicate' };

export interface PostgresConsumerModule {
  consumeOnce<T>(pool: pg.Pool, consumer: string, messageId: string, effect: (tx: pg.PoolClient) => Promise<T>): Promise<ConsumeOutcome<T>>;
}

export interface MysqlConsumerModule {
  consumeOnce<T>(
    pool: MysqlPool,
    consumer: string,
    messageId: string,
    effect: (tx: import('mysql2/promise').PoolConnection) => Promise<T>,
  ): Promise<ConsumeOutcome<T>>;
}

export interface PublisherModules {
  createRedisStreamsPublisher(redis: import('ioredis').Redis, stream?: string): OutboxPublisher;
  createJetStreamPublisher(js: import('nats').JetStreamClient, subjectPrefix?: string): OutboxPublisher;
  ensureOutboxStream(nc: import('nats').NatsConnection, stream?: string, subjectPrefix?: string): Promise<void>;
  createRabbitMqPublisher(channel: import('amqplib').ConfirmChannel, exchange?: string): OutboxPublisher;
  assertOutboxExchange(channel: import('amqplib').ConfirmChannel, exchange?: string): Promise<void>;
  createBullMqPublisher(queue: import('bullmq').Queue<{ eventId: string; aggregateType: string; aggregateId: string; payload: unknown }>): OutboxPublisher;
}
