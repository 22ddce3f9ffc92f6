import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bull';
import { InjectRepository } from '@nestjs/typeorm';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { Queue } from 'bull';
import { Repository } from 'typeorm';
import { Report } from './report.entity';
import { REPORT_QUEUE, ReportEvent } from './report.events';

@Injectable()
export class ReportsService {
  constructor(
    @InjectRepository(Report) private readonly reports: Repository<Report>,
    @InjectQueue(REPORT_QUEUE) private readonly queue: Queue,
    private readonly events: EventEmitter2,
  ) {}

  async request(ownerId: string, kind: 'sales' | 'inventory') {
    const report = await this.reports.save(this.reports.create({ ownerId, kind, status: 'pending' }));
    this.events.emit(ReportEvent.Requested, { reportId: report.id, ownerId });
    await this.queue.add('generate', { reportId: report.id }, { priority: kind === 'sales' ? 1 : 5 });
    return report;
  }
}
