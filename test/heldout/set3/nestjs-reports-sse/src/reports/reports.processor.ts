import { Process, Processor, OnQueueFailed } from '@nestjs/bull';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { Job } from 'bull';
import { REPORT_QUEUE, ReportCompletedEvent, ReportEvent } from './report.events';
import { renderReport } from './render';

@Processor(REPORT_QUEUE)
export class ReportsProcessor {
  constructor(private readonly events: EventEmitter2) {}

  @Process('generate')
  async generate(job: Job<{ reportId: string }>) {
    const url = await renderReport(job.data.reportId, (p) => job.progress(p));
    this.events.emit(ReportEvent.Completed, new ReportCompletedEvent(job.data.reportId, url));
  }

  @OnQueueFailed()
  onFailed(job: Job, err: Error) {
    this.events.emit(ReportEvent.Failed, { reportId: job.data.reportId, reason: err.message });
  }
}
