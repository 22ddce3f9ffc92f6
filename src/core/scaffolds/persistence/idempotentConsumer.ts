// Idempotent consumer scaffold (principle `outbox-pattern`: the relay delivers at least once, so every
// consumer must dedupe). The effect and the processed-message marker commit together.
import { findVariant, resolveParams } from '../params';
import { renderContent } from '../template';
import type { Scaffold, ScaffoldParameter, ScaffoldVariant } from '../types';
import { mysqlConsumerSource, mysqlProcessedTable, postgresConsumerSource, postgresProcessedTable } from './idempotentConsumerSources';
import { SQL_RESERVED, SQL_TABLE } from './shared';

const parameters: ScaffoldParameter[] = [
  { name: 'table', label: 'Processed-messages table name', default: 'processed_messages', pattern: SQL_TABLE, reserved: SQL_RESERVED },
];

const variants: ScaffoldVariant[] = [
  { id: 'postgres', label: 'PostgreSQL (pg)', prefers: ['pg'], dependencies: ['pg', '@types/pg'] },
  { id: 'mysql', label: 'MySQL / MariaDB (mysql2)', prefers: ['mysql2'], dependencies: ['mysql2'] },
];

export const idempotentConsumerScaffold: Scaffold = {
  id: 'idempotent-consumer',
  title: 'Idempotent consumer (processed-messages table)',
  principle: 'outbox-pattern',
  description:
    'Applies a message\'s effect exactly once per consumer under at-least-once delivery: a unique (consumer, message id) marker is inserted in the same transaction as the effect.',
  variants,
  parameters,
  generate(variantId, params) {
    findVariant(this, variantId);
    const values = resolveParams(parameters, params);
    const pg = variantId === 'postgres';
    return {
      files: [
        {
          path: `migrations/create_processed_messages.${pg ? 'postgres' : 'mysql'}.sql`,
          language: 'sql',
          content: renderContent(pg ? postgresProcessedTable : mysqlProcessedTable, values),
        },
        { path: 'src/inbox/consumeOnce.ts', language: 'typescript', content: renderContent(pg ? postgresConsumerSource : mysqlConsumerSource, values) },
      ],
      notes: [
        'Use the outbox eventId as messageId, and acknowledge the broker message only after consumeOnce resolves.',
        'Do all of the effect\'s writes through the tx argument, or they are not covered by the de-duplication.',
      ],
    };
  },
};
