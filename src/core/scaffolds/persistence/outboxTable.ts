// Outbox table scaffold (principle `outbox-pattern`): one migration or schema file per dialect/ORM.
import { findVariant, resolveParams } from '../params';
import { renderFile, type Template } from '../template';
import type { Scaffold, ScaffoldFile, ScaffoldParameter, ScaffoldVariant } from '../types';
import { drizzleOutboxSchema, mysqlOutboxTable, postgresOutboxTable, prismaOutboxModel, sqliteOutboxTable } from './outboxTableSources';
import { notifyChannelParameter, outboxTableParameter, TYPE_NAME } from './shared';

const parameters: ScaffoldParameter[] = [
  outboxTableParameter,
  notifyChannelParameter,
  { name: 'model', label: 'Prisma model name', default: 'OutboxEvent', pattern: TYPE_NAME },
];

const variants: ScaffoldVariant[] = [
  { id: 'postgres', label: 'PostgreSQL migration', prefers: ['pg', 'postgres'], dependencies: [] },
  { id: 'mysql', label: 'MySQL / MariaDB migration', prefers: ['mysql2'], dependencies: [] },
  { id: 'sqlite', label: 'SQLite migration', prefers: ['better-sqlite3'], dependencies: [] },
  { id: 'prisma', label: 'Prisma model (PostgreSQL)', prefers: ['prisma', '@prisma/client'], dependencies: ['@prisma/client'] },
  { id: 'drizzle', label: 'Drizzle schema (PostgreSQL)', prefers: ['drizzle-orm'], dependencies: ['drizzle-orm', 'pg'] },
];

const files: Record<string, { path: string; language: ScaffoldFile['language']; template: Template }> = {
  postgres: { path: 'migrations/create_outbox.postgres.sql', language: 'sql', template: postgresOutboxTable },
  mysql: { path: 'migrations/create_outbox.mysql.sql', language: 'sql', template: mysqlOutboxTable },
  sqlite: { path: 'migrations/create_outbox.sqlite.sql', language: 'sql', template: sqliteOutboxTable },
  prisma: { path: 'prisma/outbox.prisma', language: 'prisma', template: prismaOutboxModel },
  drizzle: { path: 'src/db/outboxSchema.ts', language: 'typescript', template: drizzleOutboxSchema },
};

const NOTES: Record<string, string> = {
  postgres: 'The trigger NOTIFYs the relay on insert; drop it if you rely on polling only.',
  mysql: 'Needs InnoDB and MySQL 8.0.1+ or MariaDB 10.6+ for SKIP LOCKED in the relay.',
  sqlite: 'SQLite allows one writer: run a single relay process (no SKIP LOCKED).',
  prisma: 'Prisma has no partial indexes: add `WHERE published_at IS NULL` to the index in the generated migration.',
  drizzle: 'Run drizzle-kit generate to turn the schema into a migration.',
};

export const outboxTableScaffold: Scaffold = {
  id: 'outbox-table',
  title: 'Outbox table',
  principle: 'outbox-pattern',
  description:
    'The outbox table written in the same transaction as the business change: unique event id for consumer de-duplication, per-aggregate ordering key, and the relay\'s retry bookkeeping.',
  variants,
  parameters,
  snippetPrefix: 'ea-outbox-table',
  generate(variantId, params) {
    findVariant(this, variantId);
    const values = resolveParams(parameters, params);
    const spec = files[variantId];
    if (!spec) throw new Error(`outbox-table: no template for variant ${variantId}`);
    return {
      files: [renderFile(spec.path, spec.language, spec.template, values)],
      notes: ['Write outbox rows in the same transaction as the business change.', NOTES[variantId] ?? ''].filter((n) => n !== ''),
    };
  },
};
