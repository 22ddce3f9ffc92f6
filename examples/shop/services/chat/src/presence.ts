import { createClient } from 'redis';

export const redis = createClient({ url: process.env.REDIS_URL ?? 'redis://localhost:6379' });
redis.on('error', (err) => console.error('chat: redis error', err));

const key = (room: string) => `presence:${room}`;

export async function markOnline(room: string, userId: string): Promise<string[]> {
  await redis.sAdd(key(room), userId);
  return redis.sMembers(key(room));
}

export async function markOffline(room: string, userId: string): Promise<string[]> {
  await redis.sRem(key(room), userId);
  return redis.sMembers(key(room));
}
