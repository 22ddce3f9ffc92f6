import Queue from 'bull';
import { Kafka } from 'kafkajs';
import { asc, inArray, isNull } from 'drizzle-orm';
import { db } from '../db';
import { docOutbox } from '../db/schema';

const pump = new Queue('outbox-pump', process.env.REDIS_URL!);
const producer = new Kafka({ clientId: 'docs', brokers: [process.env.KAFKA_BROKER!] }).producer();

pump.process(async () => {
  const rows = await db.select().from(docOutbox).where(isNull(docOutbox.sentAt)).orderBy(asc(docOutbox.seq)).limit(100);
  if (rows.length === 0) return 0;
  await producer.send({
    topic: 'docs.events',
    messages: rows.map((r) => ({ key: r.docId, value: JSON.stringify({ type: r.eventType, ...r.payload as object }) })),
  });
  await db.update(docOutbox).set({ sentAt: new Date() }).where(inArray(docOutbox.seq, rows.map((r) => r.seq)));
  return rows.length;
});

export async function startPump() {
  await producer.connect();
  await pump.add({}, { repeat: { every: 1000 }, removeOnComplete: true });
}
