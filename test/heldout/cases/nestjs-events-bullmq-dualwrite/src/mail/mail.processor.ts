import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { QUEUES } from '../common/queues';

@Processor(QUEUES.mail, { concurrency: 4 })
export class MailProcessor extends WorkerHost {
  private readonly logger = new Logger(MailProcessor.name);

  async process(job: Job<{ email: string }>): Promise<void> {
    switch (job.name) {
      case 'welcome':
        this.logger.log(`welcome mail to ${job.data.email}`);
        break;
      default:
        throw new Error(`unknown mail job ${job.name}`);
    }
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job) {
    this.logger.error(`mail job ${job.id} failed`);
  }
}
