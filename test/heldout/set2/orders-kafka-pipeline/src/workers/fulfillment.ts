import { createKafka, getProducer } from '../lib/kafka.js';
import { pool } from '../lib/db.js';
import { config } from '../config.js';

const kafka = createKafka();
const consumer = kafka.consumer({ groupId: config.groups.fulfillment });

export async function runFulfillment(): Promise<void> {
  await consumer.connect();
  await consumer.subscribe({ topics: [config.topics.orders, config.topics.payments], fromBeginning: false });

  await consumer.run({
    eachMessage: async ({ topic, message }) => {
      const order = JSON.parse(message.value!.toString()) as { id: string };
      if (topic !== config.topics.payments) return;
      await pool.query('UPDATE orders SET status = $1 WHERE id = $2', ['paid', order.id]);
      const producer = await getProducer();
      try {
        await producer.send({
          topic: config.topics.shipments,
          messages: [{ key: order.id, value: message.value }],
        });
      } catch (err) {
        await producer.send({ topic: config.topics.deadLetter, messages: [{ value: message.value }] });
        throw err;
      }
    },
  });
}
