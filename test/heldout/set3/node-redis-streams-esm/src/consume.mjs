import { commandOptions } from 'redis';
import { client, GROUP, STREAM } from './client.mjs';

const consumerName = `worker-${process.pid}`;
const reader = client.duplicate();
await reader.connect();

async function handle(id, fields) {
  console.log('fulfil', id, fields.sku, fields.qty);
  await client.xAck(STREAM, GROUP, id);
}

async function reclaim() {
  const { messages } = await client.xAutoClaim(STREAM, GROUP, consumerName, 60_000, '0-0', { COUNT: 50 });
  for (const m of messages) if (m) await handle(m.id, m.message);
}

export async function loop() {
  await reclaim();
  for (;;) {
    const res = await reader.xReadGroup(
      commandOptions({ isolated: true }),
      GROUP,
      consumerName,
      { key: STREAM, id: '>' },
      { COUNT: 20, BLOCK: 5000 },
    );
    for (const { messages } of res ?? []) {
      for (const m of messages) await handle(m.id, m.message);
    }
  }
}
