import { Kafka } from 'kafkajs';

const admin = new Kafka({ clientId: 'bootstrap', brokers: process.env.KAFKA_BROKERS.split(',') }).admin();
await admin.connect();
await admin.createTopics({
  waitForLeaders: true,
  topics: [
    { topic: 'billing.invoices', numPartitions: 12, replicationFactor: 3 },
    { topic: 'billing.payments', numPartitions: 12, replicationFactor: 3 },
  ],
});
await admin.createPartitions({ topicPartitions: [{ topic: 'billing.payments', count: 24 }] });
const offsets = await admin.fetchTopicOffsets('billing.invoices');
console.table(offsets);
await admin.disconnect();
