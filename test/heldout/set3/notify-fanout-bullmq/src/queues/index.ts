import { Queue } from 'bullmq';
import { Redis } from 'ioredis';

export const connection = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });

export const QueueName = {
  Fanout: 'notify.fanout',
  Email: 'notify.email',
  Digest: 'notify.digest',
} as const;

export const fanoutQueue = new Queue(QueueName.Fanout, { connection });
export const emailQueue = new Queue(QueueName.Email, { connection, defaultJobOptions: { attempts: 5, backoff: { type: 'exponential', delay: 2000 } } });
export const digestQueue = new Queue(QueueName.Digest, { connection });

export async function scheduleDigests() {
  await digestQueue.upsertJobScheduler('daily-digest', { pattern: '0 8 * * *', tz: 'UTC' }, { name: 'compile' });
}
