// Generates every outbox-relay variant of one database (plus the idempotent consumer and the matching
// outbox table migration) into one temp project, type-checks it, and imports it for the proofs.
import { idempotentConsumerScaffold, outboxRelayScaffold, outboxTableScaffold } from '../../../../src/core/scaffolds/persistence';
import { RELAY_BROKERS } from '../../../../src/core/scaffolds/persistence/outboxRelay';
import type { ScaffoldFile } from '../../../../src/core/scaffolds/types';
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

const ENTRY = 'src/proofEntry.ts';

/** `extraFiles`: test-authored glue (e.g. a relay process to kill) type-checked together with the scaffold. */
export async function buildRelayProject<D extends Db>(db: D, extraFiles: ProjectFile[] = []): Promise<RelayProject<D>> {
  const params: RelayParams = {
    table: uniqueName('outbox'),
    destination: uniqueName('ea'),
    notifyChannel: uniqueName('wake'),
    processedTable: uniqueName('processed'),
  };
  const project = createTempProject(`outbox-relay-${db}`);
  const written = new Map<string, ScaffoldFile>();
  const coreTexts = new Map<string, string>();
  for (const broker of RELAY_BROKERS) {
    const variant = `${db}-${broker.id}`;
    const output = generateWith(outboxRelayScaffold, variant, { table: params.table, destination: params.destination, notifyChannel: params.notifyChannel });
    for (const file of output.files) {
      if (file.path.endsWith('/outboxRelay.ts')) coreTexts.set(variant, file.content);
      const previous = written.get(file.path);
      if (previous && previous.content !== file.content) throw new Error(`${variant} generates a different ${file.path} than another variant`);
      written.set(file.path, file);
    }
  }
  const consumerFiles = generateWith(idempotentConsumerScaffold, db, { table: params.processedTable }).files;
  const tableFile = generateWith(outboxTableScaffold, db, { table: params.table, notifyChannel: params.notifyChannel }).files[0];
  const processedSql = consumerFiles.find((f) => f.language === 'sql');
  if (!tableFile || !processedSql) throw new Error('missing generated migration');
  const storeFile = db === 'postgres' ? 'postgresOutboxStore' : 'mysqlOutboxStore';
  const entry = [
    "export * as core from './outbox/outboxRelay.js';",
    `export * as store from './outbox/${storeFile}.js';`,
    "export * as consumer from './inbox/consumeOnce.js';",
    "export * as redis from './outbox/redisStreamsPublisher.js';",
    "export * as nats from './outbox/jetStreamPublisher.js';",
    "export * as rabbit from './outbox/rabbitMqPublisher.js';",
    "export * as kafka from './outbox/kafkaPublisher.js';",
    "export * as bullmq from './outbox/bullMqPublisher.js';",
    ...(db === 'postgres' ? ["export * as wakeup from './outbox/outboxWakeup.js';"] : []),
  ].join('\n');
  project.write([...written.values(), ...consumerFiles, tableFile, { path: ENTRY, content: `${entry}\n` }, ...extraFiles]);
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
