import knexFactory from 'knex';

export const knex = knexFactory({ client: 'pg', connection: process.env.DATABASE_URL });
export const OUTBOX = 'event_outbox';
