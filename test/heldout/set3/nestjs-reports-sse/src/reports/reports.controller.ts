import { Body, Controller, MessageEvent, Param, Post, Sse } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { Observable, Subject, filter, map } from 'rxjs';
import { ReportsService } from './reports.service';
import { ReportCompletedEvent, ReportEvent } from './report.events';

@Controller('reports')
export class ReportsController {
  private readonly done$ = new Subject<ReportCompletedEvent>();

  constructor(private readonly service: ReportsService) {}

  @Post()
  create(@Body() body: { ownerId: string; kind: 'sales' | 'inventory' }) {
    return this.service.request(body.ownerId, body.kind);
  }

  @OnEvent(ReportEvent.Completed, { async: true })
  handleCompleted(event: ReportCompletedEvent) {
    this.done$.next(event);
  }

  @Sse(':id/status')
  status(@Param('id') id: string): Observable<MessageEvent> {
    return this.done$.pipe(
      filter((e) => e.reportId === id),
      map((e) => ({ type: 'completed', data: { url: e.url } })),
    );
  }
}
