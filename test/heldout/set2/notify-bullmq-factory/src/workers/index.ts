import { Worker, type Job } from 'bullmq';
import nodemailer from 'nodemailer';
import { connection } from '../queues/connection';
import { config } from '../config';
import type { EmailJob, PushJob } from '../queues';

const transport = nodemailer.createTransport({ url: process.env.SMTP_URL });

const emailWorker = new Worker<EmailJob>(
  config.queues.email,
  async (job: Job<EmailJob>) => {
    await transport.sendMail({ to: job.data.to, subject: job.data.template, text: JSON.stringify(job.data.vars) });
  },
  { connection, concurrency: config.concurrency },
);

const pushWorker = new Worker<PushJob>(config.queues.push, async (job) => {
  console.log('push', job.data.deviceToken, job.data.title);
}, { connection });

new Worker(config.queues.digest, async () => {
  console.log('building digests');
}, { connection });

emailWorker.on('failed', (job, err) => console.error(`email ${job?.id} failed`, err));
pushWorker.on('completed', (job) => console.debug(`push ${job.id} done`));
