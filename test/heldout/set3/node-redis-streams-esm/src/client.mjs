import { createClient } from 'redis';

export const STREAM = 'stream:orders';
export const GROUP = 'fulfilment';

export const client = createClient({ url: process.env.REDIS_URL });
client.on('error', (err) => console.error('redis', err));
await client.connect();

try {
  await client.xGroupCreate(STREAM, GROUP, '$', { MKSTREAM: true });
} catch (err) {
  if (!String(err).includes('BUSYGROUP')) throw err;
}
