import { Kafka, logLevel } from 'kafkajs';
import { AUDIT_TOPIC, ORDER_TOPICS } from './topics';

const kafka = new Kafka({ clientId: 'notifier', brokers: ['kafka:9092'], logLevel: logLevel.WARN });

export async function listen(): Promise<void> {
  const consumer = kafka.consumer({ groupId: 'notifier' });
  await consumer.connect();
  await consumer.subscribe({ topics: [...ORDER_TOPICS, AUDIT_TOPIC, /^tenant\.[a-z]+\.alerts$/], fromBeginning: false });
  await consumer.run({ eachMessage: async ({ topic }) => console.log(topic) });
}
