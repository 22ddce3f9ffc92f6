import { Module } from '@nestjs/common';
import { interval } from 'rxjs';
import { LiveGateway } from './live/live.gateway';
import { MetricsController } from './metrics/metrics.controller';

@Module({ controllers: [MetricsController], providers: [LiveGateway] })
export class AppModule {
  readonly ticks$ = interval(60_000);
}
