import { Kafka, type EachMessagePayload } from 'kafkajs';
import { knex } from '../db';
import { config } from '../config';

const { topics } = config.kafka;
const kafka = new Kafka({ clientId: config.kafka.clientId, brokers: [...config.kafka.brokers] });
const consumer = kafka.consumer({ groupId: 'checkout-orchestrator' });
const producer = kafka.producer();

async function onMessage({ topic, message }: EachMessagePayload) {
  const event = JSON.parse(message.value!.toString());
  if (topic === topics.payments && event.status === 'DECLINED') {
    await knex('orders').where({ id: event.orderId }).update({ state: 'CANCELLED' });
    await producer.send({
      topic: topics.compensations,
      messages: [{ key: event.orderId, value: JSON.stringify({ type: 'ReleaseStock', orderId: event.orderId }) }],
    });
  } else if (topic === topics.inventory) {
    await knex('orders').where({ id: event.orderId }).update({ state: event.reserved ? 'RESERVED' : 'BACKORDER' });
  }
}

export async function runOrchestrator() {
  await Promise.all([consumer.connect(), producer.connect()]);
  await consumer.subscribe({ topics: [topics.payments, topics.inventory], fromBeginning: false });
  consumer.on(consumer.events.CRASH, (e) => console.error('consumer crashed', e.payload.error));
  await consumer.run({ partitionsConsumedConcurrently: 3, eachMessage: onMessage });
}
