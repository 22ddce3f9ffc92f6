import amqp from 'amqplib';
import { asc, isNull, eq, sql } from 'drizzle-orm';
import { db } from '../db/client.js';
import { outboxEvents } from '../db/schema.js';

const EXCHANGE = 'accounts.events';

export async function runRelay(signal: AbortSignal): Promise<void> {
  const conn = await amqp.connect(process.env.AMQP_URL!);
  const ch = await conn.createConfirmChannel();
  await ch.assertExchange(EXCHANGE, 'topic', { durable: true });

  while (!signal.aborted) {
    const pending = await db
      .select()
      .from(outboxEvents)
      .where(isNull(outboxEvents.publishedAt))
      .orderBy(asc(outboxEvents.id))
      .limit(200);

    for (const evt of pending) {
      ch.publish(EXCHANGE, evt.routingKey, Buffer.from(JSON.stringify(evt.body)), { messageId: String(evt.id) });
      await ch.waitForConfirms();
      await db.update(outboxEvents).set({ publishedAt: sql`now()` }).where(eq(outboxEvents.id, evt.id));
    }
    if (pending.length === 0) await new Promise((r) => setTimeout(r, 1000));
  }
  await conn.close();
}
