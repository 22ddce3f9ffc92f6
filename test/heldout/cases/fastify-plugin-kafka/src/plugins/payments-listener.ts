import fp from 'fastify-plugin';
import { Kafka } from 'kafkajs';

export const paymentsListener = fp(async (fastify) => {
  const consumer = new Kafka({ clientId: 'checkout-gateway', brokers: ['kafka:9092'] }).consumer({ groupId: 'checkout-gateway' });
  await consumer.connect();
  await consumer.subscribe({ topics: ['payments.authorized', 'payments.declined'] });
  await consumer.run({
    eachMessage: async ({ topic, message }) => {
      fastify.log.info({ topic, key: message.key?.toString() }, 'payment update');
    },
  });
  fastify.addHook('onClose', () => consumer.disconnect());
});
