import { Redis } from 'ioredis';

const url = process.env.REDIS_URL ?? 'redis://localhost:6379';

export const pubClient = new Redis(url);
export const subClient = pubClient.duplicate();

pubClient.on('error', (err) => console.error('[redis] pub error', err));
subClient.on('error', (err) => console.error('[redis] sub error', err));
