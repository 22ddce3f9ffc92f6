/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('event_outbox', (t) => {
    t.bigIncrements('id');
    t.string('topic').notNullable();
    t.string('key');
    t.jsonb('payload').notNullable();
    t.timestamp('created_at').defaultTo(knex.fn.now());
    t.timestamp('dispatched_at').nullable().index();
  });
};

exports.down = (knex) => knex.schema.dropTable('event_outbox');
