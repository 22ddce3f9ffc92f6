export const config = {
  redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  queues: {
    email: 'notifications-email',
    push: 'notifications-push',
    digest: 'notifications-digest',
  },
  concurrency: Number(process.env.WORKER_CONCURRENCY ?? 5),
} as const;
