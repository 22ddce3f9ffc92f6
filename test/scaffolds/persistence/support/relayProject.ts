// Generates every outbox-relay variant of one database (plus the idempotent consumer and the matching
// outbox table migration) into one temp project, type-checks it, and imports it for the proofs.
import { idempotentConsumerScaffold, outboxRelayScaffold, outboxTableScaffold } from '../../../../src/core/scaffolds/persistence';
import { RELAY_BROKERS } from '../../../../src/core/scaffolds/persistence/outboxRelay';
import { RELAY_CORE_PATH } from '../../../../src/core/scaffolds/persistence/relayCoreSource';
import { createTempProject, generateWith, uniqueName, type ProjectFile, type TempProject, type TypecheckResult } from '../../harness';
import type {
  MysqlConsumerModule,
  MysqlStoreModule,
  PostgresConsumerModule,
  PostgresStoreModule,
  PostgresWakeupModule,
  PublisherModules,
  RelayCoreModule,
} from './generatedApi';

export type Db = 'postgres' | 'mysql';

export interface RelayParams {
  table: string;
  destination: string;
  notifyChannel: string;
  processedTable: string;
}

export interface RelayProject<D extends Db> {
  project: TempProject;
  typecheck: TypecheckResult;
  params: RelayParams;
  /** SQL of the outbox table and processed-messages migrations, as generated. */
  migrations: { outbox: string; processed: string };
  /** Paths of the relay core file in every variant, with its content (to prove they are one code path). */
  coreTexts: Map<string, string>;
  core: RelayCoreModule;
  store: D extends 'postgres' ? PostgresStoreModule : MysqlStoreModule;
  consumer: D extends 'postgres' ? PostgresConsumerModule : MysqlConsumerModule;
  wakeup: D extends 'postgres' ? PostgresWakeupModule : undefined;
  publishers: PublisherModules;
  kafka: { createKafkaPublisher(producer: import('kafkajs').Producer, topic?: string): { publish(record: unknown): Promise<void> } };
}

const ENTRY = 'proofEntry.ts';

/**
 * `extraFiles`: test-authored glue (e.g. a relay process to kill) type-checked together with the scaffold;
 * paths are project-relative (variant folders are `<db>-<broker>/`).
 */
export async function buildRelayProject<D extends Db>(db: D, extraFiles: ProjectFile[] = []): Promise<RelayProject<D>> {
  const params: RelayParams = {
    table: uniqueName('outbox'),
    destination: uniqueName('ea'),
    notifyChannel: uniqueName('wake'),
    processedTable: uniqueName('processed'),
  };
  const project = createTempProject(`outbox-relay-${db}`);
  // Each variant is written verbatim into its own folder (`<db>-<broker>/src/outbox/…`) and all are
  // type-checked in one tsc program.
  const coreTexts = new Map<string, string>();
  const files: ProjectFile[] = [];
  for (const broker of RELAY_BROKERS) {
    const variant = `${db}-${broker.id}`;
    const output = generateWith(outboxRelayScaffold, variant, { table: params.table, destination: params.destination, notifyChannel: params.notifyChannel });
    for (const file of output.files) {
      if (file.path === RELAY_CORE_PATH) coreTexts.set(variant, file.content);
      files.push({ path: `${variant}/${file.path}`, content: file.content });
    }
  }
  const consumerFiles = generateWith(idempotentConsumerScaffold, db, { table: params.processedTable }).files;
  const tableFile = generateWith(outboxTableScaffold, db, { table: params.table, notifyChannel: params.notifyChannel }).files[0];
  const processedSql = consumerFiles.find((f) => f.language === 'sql');
  if (!tableFile || !processedSql) throw new Error('missing generated migration');
  const storeFile = db === 'postgres' ? 'postgresOutboxStore' : 'mysqlOutboxStore';
  const from = (broker: string, file: string): string => `./${db}-${broker}/src/outbox/${file}.js`;
  const entry = [
    `export * as core from '${from('redis-streams', 'outboxRelay')}';`,
    `export * as store from '${from('redis-streams', storeFile)}';`,
    "export * as consumer from './shared/src/inbox/consumeOnce.js';",
    `export * as redis from '${from('redis-streams', 'redisStreamsPublisher')}';`,
    `export * as nats from '${from('nats-jetstream', 'jetStreamPublisher')}';`,
    `export * as rabbit from '${from('rabbitmq', 'rabbitMqPublisher')}';`,
    `export * as kafka from '${from('kafka', 'kafkaPublisher')}';`,
    `export * as bullmq from '${from('bullmq', 'bullMqPublisher')}';`,
    ...(db === 'postgres' ? [`export * as wakeup from '${from('redis-streams', 'outboxWakeup')}';`] : []),
  ].join('\n');
  project.write([
    ...files,
    ...consumerFiles.map((f) => ({ path: `shared/${f.path}`, content: f.content })),
    { path: `shared/${tableFile.path}`, content: tableFile.content },
    { path: ENTRY, content: `${entry}\n` },
    ...extraFiles,
  ]);
  const typecheck = await project.typecheck();
  const mod = await project.importModule<Record<string, Record<string, unknown>>>(ENTRY);
  const pick = <T>(name: string): T => {
    const value = mod[name];
    if (!value) throw new Error(`generated entry has no ${name}`);
    return value as T;
  };
  const publishers = { ...pick<object>('redis'), ...pick<object>('nats'), ...pick<object>('rabbit'), ...pick<object>('bullmq') } as PublisherModules;
  return {
    project,
    typecheck,
    params,
    migrations: { outbox: tableFile.content, processed: processedSql.content },
    coreTexts,
    core: pick<RelayCoreModule>('core'),
    store: pick('store'),
    consumer: pick('consumer'),
    wakeup: (db === 'postgres' ? pick('wakeup') : undefined) as RelayProject<D>['wakeup'],
    publishers,
    kafka: pick('kafka'),
  };
}
