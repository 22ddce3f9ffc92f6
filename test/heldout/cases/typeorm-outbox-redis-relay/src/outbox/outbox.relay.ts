import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectRepository } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { In, Repository } from 'typeorm';
import { IntegrationEvent } from './integration-event.entity';

@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');

  constructor(@InjectRepository(IntegrationEvent) private readonly events: Repository<IntegrationEvent>) {}

  @Interval(1000)
  async flush(): Promise<void> {
    const batch = await this.events.find({ where: { status: 'pending' }, order: { id: 'ASC' }, take: 100 });
    for (const event of batch) {
      await this.redis.publish(event.channel, JSON.stringify(event.payload));
    }
    if (batch.length > 0) {
      await this.events.update({ id: In(batch.map((e) => e.id)) }, { status: 'sent' });
      this.logger.log(`relayed ${batch.length} events`);
    }
  }
}
