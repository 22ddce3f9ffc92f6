import type { DataSource } from 'typeorm';
import type { NatsConnection } from 'nats';
import { StringCodec } from 'nats';
import { StockItem } from '../entities/StockItem';
import { OutboxEntry } from '../entities/OutboxEntry';

const sc = StringCodec();

export class StockService {
  constructor(private readonly ds: DataSource, private readonly nc: NatsConnection) {}

  async adjust(sku: string, delta: number): Promise<void> {
    await this.ds.transaction(async (em) => {
      const item = await em.findOneByOrFail(StockItem, { sku });
      item.onHand += delta;
      await em.save(item);
      await em.insert(OutboxEntry, { subject: `inventory.adjusted.${sku}`, payload: { sku, onHand: item.onHand } });
    });
  }

  async recount(sku: string, counted: number): Promise<void> {
    await this.ds.getRepository(StockItem).update({ sku }, { onHand: counted });
    this.nc.publish(`inventory.recounted.${sku}`, sc.encode(String(counted)));
  }
}
