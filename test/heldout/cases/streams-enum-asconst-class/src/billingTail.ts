import { commandOptions, createClient } from 'redis';
import { STREAMS } from './keys';

const client = createClient({ url: process.env.REDIS_URL });
client.on('error', (err) => console.error(err));

export async function tailBilling(onEntry: (fields: Record<string, string>) => void): Promise<never> {
  await client.connect();
  let lastId = '$';
  for (;;) {
    const res = await client.xRead(commandOptions({ isolated: true }), { key: STREAMS.billing, id: lastId }, { BLOCK: 0, COUNT: 10 });
    for (const stream of res ?? []) {
      for (const message of stream.messages) {
        lastId = message.id;
        onEntry(message.message);
      }
    }
  }
}
