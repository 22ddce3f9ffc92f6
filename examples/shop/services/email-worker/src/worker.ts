import { Worker } from 'bullmq';
import { QUEUES, type EmailJob } from '../../../shared/events';
import { sendEmail } from './mailer';

const worker = new Worker<EmailJob, { messageId: string }>(
  QUEUES.email,
  async (job) => {
    const messageId = await sendEmail(job.data);
    return { messageId };
  },
  {
    connection: { host: process.env.REDIS_HOST ?? 'localhost', port: 6379 },
    concurrency: 5,
  },
);

worker.on('failed', (job, err) => {
  console.error(`email job ${job?.id ?? '?'} failed after ${job?.attemptsMade ?? 0} attempts`, err);
});

process.on('SIGTERM', async () => {
  await worker.close();
});
