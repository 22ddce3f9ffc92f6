import fp from 'fastify-plugin';
import { Kafka, type Producer } from 'kafkajs';

declare module 'fastify' {
  interface FastifyInstance {
    producer: Producer;
  }
}

export const kafkaPlugin = fp(async (fastify) => {
  const kafka = new Kafka({ clientId: 'checkout-gateway', brokers: (process.env.KAFKA_BROKERS ?? 'localhost:9092').split(',') });
  const producer = kafka.producer({ idempotent: true });
  await producer.connect();
  fastify.decorate('producer', producer);
  fastify.addHook('onClose', async () => {
    await producer.disconnect();
  });
});
