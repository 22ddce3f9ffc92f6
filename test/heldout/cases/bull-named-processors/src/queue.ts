import Queue from 'bull';

const REDIS = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function createQueue<T>(name: string): Queue.Queue<T> {
  const queue = new Queue<T>(name, REDIS, { defaultJobOptions: { removeOnComplete: true } });
  queue.on('error', (err) => console.error(`[${name}]`, err));
  return queue;
}

export const invoiceQueue = createQueue<{ invoiceId: string }>('invoices');
export const reminderQueue = new Queue('reminders', REDIS);
