import { Kafka, type Producer } from 'kafkajs';
import type { Topic } from '@acme/contracts';

const kafka = new Kafka({ clientId: process.env.SERVICE_NAME ?? 'acme', brokers: process.env.KAFKA_BROKERS!.split(',') });
let producer: Producer | undefined;

export async function initBus() {
  producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
}

export async function emitEvent<T>(topic: Topic, key: string, payload: T) {
  if (!producer) throw new Error('bus not initialised');
  await producer.send({ topic, messages: [{ key, value: JSON.stringify(payload) }] });
}

export async function onEvents(groupId: string, topics: Topic[], handle: (topic: string, value: unknown) => Promise<void>) {
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  await consumer.subscribe({ topics });
  await consumer.run({ eachMessage: async ({ topic, message }) => handle(topic, JSON.parse(String(message.value))) });
}
