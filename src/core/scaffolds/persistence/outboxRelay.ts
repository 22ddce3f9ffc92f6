// Outbox relay scaffold (principle `outbox-pattern`): a polling publisher for every database × broker
// pair. The relay core file is the same text in all variants; only the store and publisher adapters vary.
import { findVariant, resolveParams, ScaffoldInputError } from '../params';
import { renderContent, type Template } from '../template';
import type { Scaffold, ScaffoldFile, ScaffoldParameter, ScaffoldVariant } from '../types';
import { RELAY_CORE_PATH, relayCoreSource } from './relayCoreSource';
import {
  bullMqPublisherSource,
  kafkaPublisherSource,
  natsJetStreamPublisherSource,
  rabbitMqPublisherSource,
  redisStreamsPublisherSource,
} from './relayPublisherSources';
import { relayMainSource, runRelaySource } from './relayRunnerSources';
import { mysqlStoreSource, postgresStoreSource, postgresWakeupSource } from './relayStoreSources';
import { DESTINATION, notifyChannelParameter, outboxTableParameter } from './shared';

interface Part {
  id: string;
  label: string;
  path: string;
  template: Template;
  packages: string[];
}

export const RELAY_DATABASES: readonly Part[] = [
  { id: 'postgres', label: 'PostgreSQL', path: 'src/outbox/postgresOutboxStore.ts', template: postgresStoreSource, packages: ['pg', '@types/pg'] },
  { id: 'mysql', label: 'MySQL/MariaDB', path: 'src/outbox/mysqlOutboxStore.ts', template: mysqlStoreSource, packages: ['mysql2'] },
];

export const RELAY_BROKERS: readonly Part[] = [
  { id: 'redis-streams', label: 'Redis Streams', path: 'src/outbox/redisStreamsPublisher.ts', template: redisStreamsPublisherSource, packages: ['ioredis'] },
  { id: 'nats-jetstream', label: 'NATS JetStream', path: 'src/outbox/jetStreamPublisher.ts', template: natsJetStreamPublisherSource, packages: ['nats'] },
  { id: 'rabbitmq', label: 'RabbitMQ', path: 'src/outbox/rabbitMqPublisher.ts', template: rabbitMqPublisherSource, packages: ['amqplib', '@types/amqplib'] },
  { id: 'kafka', label: 'Kafka', path: 'src/outbox/kafkaPublisher.ts', template: kafkaPublisherSource, packages: ['kafkajs'] },
  { id: 'bullmq', label: 'BullMQ', path: 'src/outbox/bullMqPublisher.ts', template: bullMqPublisherSource, packages: ['bullmq'] },
];

const parameters: ScaffoldParameter[] = [
  outboxTableParameter,
  {
    name: 'destination',
    label: 'Stream / subject prefix / exchange / topic / queue',
    default: 'outbox',
    pattern: DESTINATION,
  },
  notifyChannelParameter,
];

const variants: ScaffoldVariant[] = RELAY_DATABASES.flatMap((db) =>
  RELAY_BROKERS.map((broker) => ({
    id: `${db.id}-${broker.id}`,
    label: `${db.label} → ${broker.label}`,
    prefers: [db.packages[0] ?? db.id, broker.packages[0] ?? broker.id],
    dependencies: [...db.packages, ...broker.packages],
  })),
);

function parts(variantId: string): { db: Part; broker: Part } {
  for (const db of RELAY_DATABASES) {
    for (const broker of RELAY_BROKERS) {
      if (`${db.id}-${broker.id}` === variantId) return { db, broker };
    }
  }
  throw new Error(`outbox-relay: unknown variant ${variantId}`);
}

export const outboxRelayScaffold: Scaffold = {
  id: 'outbox-relay',
  title: 'Outbox relay (polling publisher)',
  principle: 'outbox-pattern',
  description:
    'Publishes committed outbox rows: claims the oldest unpublished row per aggregate with FOR UPDATE SKIP LOCKED (parallel relays never share a row), publishes through a broker adapter that waits for the broker\'s ack, marks rows published in the same transaction, retries failures with exponential backoff. At-least-once: pair it with the idempotent consumer.',
  variants,
  parameters,
  generate(variantId, params) {
    findVariant(this, variantId);
    const values = resolveParams(parameters, params);
    const { db, broker } = parts(variantId);
    // The destination names a JetStream stream there, and stream names cannot hold dots.
    if (broker.id === 'nats-jetstream' && values.destination?.includes('.')) {
      throw new ScaffoldInputError(`A NATS JetStream stream name cannot contain "." (got ${JSON.stringify(values.destination)}).`);
    }
    const files: ScaffoldFile[] = [
      { path: RELAY_CORE_PATH, language: 'typescript', content: relayCoreSource },
      { path: db.path, language: 'typescript', content: renderContent(db.template, values) },
      { path: broker.path, language: 'typescript', content: renderContent(broker.template, values) },
    ];
    if (db.id === 'postgres') {
      files.push({ path: 'src/outbox/outboxWakeup.ts', language: 'typescript', content: renderContent(postgresWakeupSource, values) });
    }
    files.push(
      { path: 'src/outbox/runRelay.ts', language: 'typescript', content: runRelaySource(db.id, broker.id) },
      { path: 'src/outbox/relayMain.ts', language: 'typescript', content: relayMainSource },
    );
    return {
      files,
      notes: [
        `Install: npm install ${[...db.packages, ...broker.packages].join(' ')}`,
        'Create the outbox table first (scaffold "Outbox table").',
        'Run it: node dist/outbox/relayMain.js (see runRelay.ts for the environment variables), or call startOutboxRelay() from your own process.',
        'Delivery is at least once: consumers must dedupe on eventId (scaffold "Idempotent consumer").',
        ...(db.id === 'postgres' ? ['runRelay.ts LISTENs for the outbox trigger\'s NOTIFY, so new rows are published without waiting for the poll.'] : []),
      ],
    };
  },
};
