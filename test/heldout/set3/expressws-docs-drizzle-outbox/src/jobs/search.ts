import { Kafka } from 'kafkajs';

const consumer = new Kafka({ clientId: 'docs-search', brokers: [process.env.KAFKA_BROKER!] }).consumer({ groupId: 'search-indexer' });

export async function startIndexer() {
  await consumer.connect();
  await consumer.subscribe({ topics: [/^docs\..*/], fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => console.log('index', message.key?.toString()) });
}
