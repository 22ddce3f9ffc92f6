import { IsNull, type DataSource } from 'typeorm';
import { connect, StringCodec } from 'nats';
import { OutboxRecord } from './entities/OutboxRecord';

const sc = StringCodec();

export async function runDispatcher(ds: DataSource) {
  const nc = await connect({ servers: process.env.NATS_URL });
  const js = nc.jetstream();
  const outbox = ds.getRepository(OutboxRecord);
  for (;;) {
    const pending = await outbox.find({ where: { processedAt: IsNull() }, order: { createdAt: 'ASC' }, take: 50 });
    for (const rec of pending) {
      await js.publish(rec.subject, sc.encode(JSON.stringify(rec.body)), { msgID: rec.id });
      await outbox.update(rec.id, { processedAt: new Date() });
    }
    if (pending.length === 0) await new Promise((r) => setTimeout(r, 500));
  }
}
