import { Kafka, CompressionTypes } from 'kafkajs';
import { knex } from '../db';
import { config } from '../config';

const kafka = new Kafka({ clientId: `${config.kafka.clientId}-relay`, brokers: [...config.kafka.brokers] });
const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });

export async function relayOnce(batchSize = 100): Promise<number> {
  const rows = await knex('outbox_messages')
    .whereNull('dispatched_at')
    .orderBy('id')
    .limit(batchSize)
    .forUpdate()
    .skipLocked();
  for (const row of rows) {
    await producer.send({
      topic: row.topic,
      compression: CompressionTypes.GZIP,
      messages: [{ key: row.message_key, value: JSON.stringify(row.payload) }],
    });
    await knex('outbox_messages').where({ id: row.id }).update({ dispatched_at: knex.fn.now() });
  }
  return rows.length;
}

export async function startRelay() {
  await producer.connect();
  setInterval(() => void relayOnce().catch(console.error), 500);
}
