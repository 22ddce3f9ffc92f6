import { Redis } from 'ioredis';

export const PRICE_CHANNEL = 'prices:tick';

export const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
// A connection in subscriber mode cannot run other commands, so listeners get their own.
export const subscriber = redis.duplicate();

redis.on('error', (err) => console.error('redis', err.message));
