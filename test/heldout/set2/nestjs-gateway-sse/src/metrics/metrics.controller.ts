import { Controller, Get, MessageEvent, Param, Sse } from '@nestjs/common';
import { interval, map, Observable } from 'rxjs';

@Controller('metrics')
export class MetricsController {
  @Get('snapshot')
  snapshot() {
    return { cpu: process.cpuUsage(), mem: process.memoryUsage().rss };
  }

  @Sse('stream')
  stream(): Observable<MessageEvent> {
    return interval(2000).pipe(map(() => ({ data: { rss: process.memoryUsage().rss } })));
  }

  @Sse('hosts/:host')
  host(@Param('host') host: string): Observable<MessageEvent> {
    return interval(5000).pipe(map((n) => ({ type: 'tick', data: { host, n } })));
  }
}
