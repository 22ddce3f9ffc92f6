// CQRS level 1 scaffold (principle `cqrs-level-1-first`): separate command and query models over one
// database, before any thought of separate read stores.
import { findVariant, resolveParams } from '../params';
import { renderContent } from '../template';
import type { Scaffold, ScaffoldParameter, ScaffoldVariant } from '../types';
import { bookingsTableSource, commandsSource, queriesSource } from './cqrsSources';
import { SQL_RESERVED, SQL_TABLE } from './shared';

const parameters: ScaffoldParameter[] = [{ name: 'table', label: 'Bookings table name', default: 'bookings', pattern: SQL_TABLE, reserved: SQL_RESERVED }];

const variants: ScaffoldVariant[] = [{ id: 'postgres', label: 'PostgreSQL (pg)', prefers: ['pg'], dependencies: ['pg', '@types/pg'] }];

export const cqrsLevel1Scaffold: Scaffold = {
  id: 'cqrs-level-1',
  title: 'CQRS level 1: command and query handlers',
  principle: 'cqrs-level-1-first',
  description:
    'Command handlers named after intent (BookHotelRoom, CancelBooking) that enforce business rules in a transaction, and query handlers returning flat DTOs — one database, no projections.',
  variants,
  parameters,
  generate(variantId, params) {
    findVariant(this, variantId);
    const values = resolveParams(parameters, params);
    return {
      files: [
        { path: 'migrations/create_bookings.postgres.sql', language: 'sql', content: renderContent(bookingsTableSource, values) },
        { path: 'src/bookings/commands.ts', language: 'typescript', content: renderContent(commandsSource, values) },
        { path: 'src/bookings/queries.ts', language: 'typescript', content: renderContent(queriesSource, values) },
      ],
      notes: [
        'Rename the example domain (bookings) to yours; keep command names as business intents, not field updates.',
        'Move to level 2 (separate read store fed by events) only when read and write scaling genuinely diverge.',
      ],
    };
  },
};
