import Redis from 'ioredis';
import { STREAMS } from './keys';

export class AuditLog {
  private redis!: Redis;

  init(url: string): this {
    this.redis = new Redis(url, { lazyConnect: false });
    return this;
  }

  async record(actor: string, action: string): Promise<string | null> {
    return this.redis.xadd(STREAMS.audit, 'MAXLEN', '~', '100000', '*', 'actor', actor, 'action', action);
  }

  async recordCharge(customerId: string, cents: number): Promise<void> {
    await this.redis
      .multi()
      .xadd(STREAMS.billing, '*', 'customer', customerId, 'cents', String(cents))
      .incrby(`billing:total:${customerId}`, cents)
      .exec();
  }

  async trim(): Promise<void> {
    await this.redis.xtrim(STREAMS.audit, 'MAXLEN', 50_000);
  }
}
