import { Controller, MessageEvent, Sse } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { interval, map, Observable } from 'rxjs';
import { ReportEvent } from '../reports/report.events';

@Controller()
export class MetricsController {
  private failures = 0;

  @OnEvent(ReportEvent.Failed)
  countFailure() {
    this.failures += 1;
  }

  @OnEvent('report.*')
  trace(payload: unknown) {
    console.debug('report event', payload);
  }

  @Sse('metrics/stream')
  stream(): Observable<MessageEvent> {
    return interval(5000).pipe(map(() => ({ data: { failures: this.failures, rss: process.memoryUsage().rss } })));
  }
}
