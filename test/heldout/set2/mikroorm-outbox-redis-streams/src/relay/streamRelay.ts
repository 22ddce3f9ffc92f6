import type { EntityManager } from '@mikro-orm/postgresql';
import { createClient } from 'redis';
import { OutboxRecord } from '../entities/OutboxRecord.js';

export async function relayForever(em: EntityManager): Promise<never> {
  const redis = createClient({ url: process.env.REDIS_URL });
  await redis.connect();
  for (;;) {
    const fork = em.fork();
    const batch = await fork.find(OutboxRecord, { dispatchedAt: null }, { orderBy: { id: 'asc' }, limit: 100 });
    for (const rec of batch) {
      await redis.sendCommand(['XADD', rec.stream, '*', ...Object.entries(rec.fields).flat()]);
      rec.dispatchedAt = new Date();
    }
    await fork.flush();
    if (batch.length === 0) await new Promise((r) => setTimeout(r, 500));
  }
}

export async function readTicketStream(lastId = '$') {
  const redis = createClient({ url: process.env.REDIS_URL });
  await redis.connect();
  await redis.xGroupCreate('helpdesk:tickets', 'notifier', '$', { MKSTREAM: true }).catch(() => null);
  const res = await redis.xReadGroup('notifier', 'notifier-1', { key: 'helpdesk:tickets', id: '>' }, { COUNT: 10, BLOCK: 5000 });
  for (const entry of res?.[0]?.messages ?? []) await redis.xAck('helpdesk:tickets', 'notifier', entry.id);
  return { res, lastId };
}
