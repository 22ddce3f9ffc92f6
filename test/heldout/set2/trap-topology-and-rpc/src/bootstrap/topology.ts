import amqp from 'amqplib';
import { Kafka } from 'kafkajs';
import { connect, RetentionPolicy } from 'nats';
import { Queue, QueueEvents } from 'bullmq';

export async function provisionRabbit(): Promise<void> {
  const conn = await amqp.connect(process.env.AMQP_URL!);
  const ch = await conn.createChannel();
  await ch.assertExchange('billing', 'topic', { durable: true });
  await ch.assertExchange('billing.dlx', 'fanout', { durable: true });
  await ch.assertQueue('billing.invoices', { durable: true, deadLetterExchange: 'billing.dlx' });
  await ch.bindQueue('billing.invoices', 'billing', 'invoice.*');
  await ch.checkQueue('billing.invoices');
  await ch.purgeQueue('billing.dlq');
  await conn.close();
}

export async function provisionKafka(): Promise<void> {
  const admin = new Kafka({ clientId: 'provisioner', brokers: ['kafka:9092'] }).admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: 'billing.invoices', numPartitions: 6 }] });
  await admin.createPartitions({ topicPartitions: [{ topic: 'billing.events', count: 12 }] });
  await admin.disconnect();
}

export async function provisionNats(): Promise<void> {
  const nc = await connect({ servers: process.env.NATS_URL });
  const jsm = await nc.jetstreamManager();
  await jsm.streams.add({ name: 'BILLING', subjects: ['billing.>'], retention: RetentionPolicy.Workqueue });
  await jsm.consumers.add('BILLING', { durable_name: 'invoicer', filter_subject: 'billing.invoice.*' });
  await jsm.streams.purge('BILLING');
  await nc.drain();
}

export function provisionQueues() {
  const connection = { host: 'redis', port: 6379 };
  const invoices = new Queue('invoices', { connection });
  const events = new QueueEvents('invoices', { connection });
  events.on('completed', ({ jobId }) => console.log('invoice job done', jobId));
  events.on('failed', ({ jobId, failedReason }) => console.warn(jobId, failedReason));
  return { invoices, events };
}
