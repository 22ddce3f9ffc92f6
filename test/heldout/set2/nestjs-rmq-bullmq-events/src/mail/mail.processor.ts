import { Processor, WorkerHost, OnWorkerEvent } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { MAIL_QUEUE } from '../constants';

@Processor(MAIL_QUEUE, { concurrency: 4 })
export class MailProcessor extends WorkerHost {
  async process(job: Job<{ to: string; orderId: string }>): Promise<void> {
    console.log(`mail ${job.name} to ${job.data.to}`);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job) {
    console.error(`mail job ${job.id} failed`);
  }
}
