import amqp from 'amqplib';
import { asc, inArray, isNull } from 'drizzle-orm';
import { db, schema } from './db';

const EXCHANGE = 'subscriptions.events';

export async function relayForever(): Promise<void> {
  const conn = await amqp.connect(process.env.AMQP_URL ?? 'amqp://localhost');
  const ch = await conn.createConfirmChannel();
  await ch.assertExchange(EXCHANGE, 'topic', { durable: true });
  for (;;) {
    const sent = await db.transaction(async (tx) => {
      const batch = await tx.select().from(schema.outboxMessages).where(isNull(schema.outboxMessages.publishedAt)).orderBy(asc(schema.outboxMessages.id)).limit(100).for('update', { skipLocked: true });
      for (const msg of batch) {
        ch.publish(EXCHANGE, msg.routingKey, Buffer.from(JSON.stringify(msg.body)), { messageId: String(msg.id), persistent: true });
      }
      await ch.waitForConfirms();
      if (batch.length) {
        await tx.update(schema.outboxMessages).set({ publishedAt: new Date() }).where(inArray(schema.outboxMessages.id, batch.map((m) => m.id)));
      }
      return batch.length;
    });
    if (sent === 0) await new Promise((r) => setTimeout(r, 500));
  }
}
