import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('outbox_messages', (t) => {
    t.bigIncrements('id');
    t.string('topic').notNullable();
    t.string('message_key');
    t.jsonb('payload').notNullable();
    t.timestamp('created_at').defaultTo(knex.fn.now());
    t.timestamp('dispatched_at').nullable().index();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('outbox_messages');
}
