import Redis from 'ioredis';

export const BUILD_EVENTS = 'builds:events';

export const redis = new Redis(process.env.REDIS_URL!);

export function subscriber(): Redis {
  return new Redis(process.env.REDIS_URL!);
}
