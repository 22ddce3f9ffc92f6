// Event-sourced aggregate scaffold (principle `event-sourcing-specialized`): append-only events table with
// optimistic concurrency. Offered for audit-heavy contexts only; the notes say so.
import { findVariant, resolveParams } from '../params';
import { renderContent } from '../template';
import type { Scaffold, ScaffoldParameter, ScaffoldVariant } from '../types';
import { aggregateSource, eventsTableSource, eventStoreSource } from './eventSourcedSources';
import { SQL_RESERVED, SQL_TABLE, TYPE_NAME } from './shared';

const parameters: ScaffoldParameter[] = [
  { name: 'table', label: 'Events table name', default: 'events', pattern: SQL_TABLE, reserved: SQL_RESERVED },
  { name: 'aggregate', label: 'Aggregate type name', default: 'Account', pattern: TYPE_NAME },
];

const variants: ScaffoldVariant[] = [{ id: 'postgres', label: 'PostgreSQL (pg)', prefers: ['pg'], dependencies: ['pg', '@types/pg'] }];

export const eventSourcedAggregateScaffold: Scaffold = {
  id: 'event-sourced-aggregate',
  title: 'Event-sourced aggregate (append-only, expected version)',
  principle: 'event-sourcing-specialized',
  description:
    'An append-only events table keyed by (stream, version), an event store whose append takes the expected version (exactly one of two concurrent writers wins), and an example aggregate with decide/evolve.',
  variants,
  parameters,
  generate(variantId, params) {
    findVariant(this, variantId);
    const values = resolveParams(parameters, params);
    const aggregate = values.aggregate ?? 'Account';
    const fileName = aggregate.charAt(0).toLowerCase() + aggregate.slice(1);
    return {
      files: [
        { path: 'migrations/create_event_store.postgres.sql', language: 'sql', content: renderContent(eventsTableSource, values) },
        { path: 'src/eventStore/eventStore.ts', language: 'typescript', content: renderContent(eventStoreSource, values) },
        { path: `src/eventStore/${fileName}.ts`, language: 'typescript', content: renderContent(aggregateSource, values) },
      ],
      notes: [
        'Event sourcing is a specialized tool: use it where audit fidelity or temporal queries are real requirements, CRUD + history tables elsewhere.',
        'No outbox is needed for these events: the event write is the state change. Build read models with projections.',
      ],
    };
  },
};
