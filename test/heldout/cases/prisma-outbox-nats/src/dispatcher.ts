import { connect, JSONCodec, type JetStreamClient } from 'nats';
import { prisma } from './prisma';

const codec = JSONCodec();

async function dispatchBatch(js: JetStreamClient): Promise<number> {
  const pending = await prisma.outbox.findMany({
    where: { dispatched: false },
    orderBy: { id: 'asc' },
    take: 250,
  });
  for (const row of pending) {
    await js.publish(row.subject, codec.encode(row.payload), { msgID: row.id.toString() });
    await prisma.outbox.update({ where: { id: row.id }, data: { dispatched: true } });
  }
  return pending.length;
}

export async function runDispatcher(): Promise<void> {
  const nc = await connect({ servers: process.env.NATS_URL });
  const js = nc.jetstream();
  for (;;) {
    const n = await dispatchBatch(js);
    if (n === 0) await new Promise((r) => setTimeout(r, 1000));
  }
}

export async function purgeDispatched(): Promise<number> {
  const { count } = await prisma.outbox.deleteMany({ where: { dispatched: true, createdAt: { lt: new Date(Date.now() - 7 * 864e5) } } });
  return count;
}
