const { Kafka } = require('kafkajs');
const db = require('../db');

const kafka = new Kafka({ clientId: 'identity-outbox', brokers: process.env.KAFKA_BROKERS.split(',') });
const producer = kafka.producer();

async function dispatchOnce() {
  return db.transaction(async (trx) => {
    const { rows } = await trx.raw(
      `SELECT id, topic, key, payload, headers
         FROM event_outbox
        WHERE dispatched_at IS NULL
        ORDER BY id
        LIMIT 500
        FOR UPDATE SKIP LOCKED`,
    );
    if (rows.length === 0) return 0;

    const byTopic = new Map();
    for (const r of rows) {
      const list = byTopic.get(r.topic) || [];
      list.push({ key: r.key, value: JSON.stringify(r.payload), headers: r.headers });
      byTopic.set(r.topic, list);
    }
    await producer.sendBatch({
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
    await trx('event_outbox').whereIn('id', rows.map((r) => r.id)).update({ dispatched_at: trx.fn.now() });
    return rows.length;
  });
}

async function runDispatcher() {
  await producer.connect();
  for (;;) {
    const n = await dispatchOnce();
    if (n === 0) await new Promise((r) => setTimeout(r, 300));
  }
}

module.exports = { runDispatcher };
