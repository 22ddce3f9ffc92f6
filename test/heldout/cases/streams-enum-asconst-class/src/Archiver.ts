import Redis from 'ioredis';
import { Group, STREAMS } from './keys';

export class Archiver {
  private redis: Redis | undefined;
  private running = false;

  async init(url: string): Promise<void> {
    this.redis = new Redis(url);
    await this.redis.xgroup('CREATE', STREAMS.audit, Group.Archiver, '$', 'MKSTREAM').catch(() => undefined);
  }

  async run(consumer: string): Promise<void> {
    const redis = this.redis;
    if (!redis) throw new Error('init() first');
    this.running = true;
    while (this.running) {
      const batch = (await redis.xreadgroup(
        'GROUP', Group.Archiver, consumer,
        'COUNT', 100, 'BLOCK', 5000,
        'STREAMS', STREAMS.audit, '>',
      )) as [string, [string, string[]][]][] | null;
      for (const [, entries] of batch ?? []) {
        for (const [id] of entries) await redis.xack(STREAMS.audit, Group.Archiver, id);
      }
    }
  }

  async reclaim(consumer: string): Promise<unknown> {
    return this.redis?.xautoclaim(STREAMS.audit, Group.Archiver, consumer, 60_000, '0-0', 'COUNT', 50);
  }

  stop(): void {
    this.running = false;
  }
}
