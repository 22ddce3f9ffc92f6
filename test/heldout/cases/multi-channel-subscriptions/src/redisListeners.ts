import Redis from 'ioredis';
import { createClient } from 'redis';

const LOBBY = 'chat:lobby';

export async function ioredisListeners(): Promise<void> {
  const sub = new Redis();
  await sub.subscribe(LOBBY, 'chat:support', 'chat:sales');
  await sub.psubscribe('user:*:inbox', 'team:*:inbox');
  sub.on('message', (channel, message) => console.log(channel, message));
}

export async function nodeRedisListeners(): Promise<void> {
  const client = createClient({ url: process.env.REDIS_URL });
  const sub = client.duplicate();
  await sub.connect();
  await sub.subscribe(['deploys', 'incidents'], (message, channel) => console.log(channel, message));
  await sub.pSubscribe('metrics:*', (message) => console.log(message));
}
