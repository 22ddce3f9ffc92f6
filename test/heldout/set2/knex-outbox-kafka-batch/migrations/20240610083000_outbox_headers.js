exports.up = (knex) =>
  knex.schema.alterTable('event_outbox', (t) => {
    t.jsonb('headers').defaultTo('{}');
  });

exports.down = (knex) => knex.schema.alterTable('event_outbox', (t) => t.dropColumn('headers'));
