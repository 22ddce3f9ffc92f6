import { IsNull, type DataSource } from 'typeorm';
import { connect, StringCodec } from 'nats';
import { OutboxEntry } from '../entities/OutboxEntry';

const sc = StringCodec();

export async function startRelay(ds: DataSource): Promise<void> {
  const nc = await connect({ servers: process.env.NATS_URL });
  const js = nc.jetstream();
  const repo = ds.getRepository(OutboxEntry);

  setInterval(async () => {
    const rows = await repo.find({ where: { processedAt: IsNull() }, order: { createdAt: 'ASC' }, take: 100 });
    for (const row of rows) {
      await js.publish(row.subject, sc.encode(JSON.stringify(row.payload)), { msgID: row.id });
      await repo.update(row.id, { processedAt: new Date() });
    }
  }, 750);
}
