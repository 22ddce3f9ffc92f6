import { Kafka } from 'kafkajs';
import { prisma } from './payments';

const kafka = new Kafka({ clientId: 'payments-relay', brokers: [process.env.KAFKA_BROKER ?? 'localhost:9092'] });
const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });

async function drain(): Promise<number> {
  const batch = await prisma.outboxMessage.findMany({
    where: { sentAt: null },
    orderBy: { id: 'asc' },
    take: 100,
  });
  for (const row of batch) {
    await producer.send({
      topic: row.topic,
      messages: [{ key: row.aggregateId, value: JSON.stringify(row.payload) }],
    });
    await prisma.outboxMessage.update({ where: { id: row.id }, data: { sentAt: new Date() } });
  }
  return batch.length;
}

async function main() {
  await producer.connect();
  for (;;) {
    const sent = await drain();
    if (sent === 0) await new Promise((r) => setTimeout(r, 500));
  }
}

void main();
