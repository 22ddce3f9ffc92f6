import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ClientKafka } from '@nestjs/microservices';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { StockItem } from './stock-item.entity';
import { INVENTORY_TOPICS } from './topics';

@Injectable()
export class InventoryService implements OnModuleInit {
  constructor(
    @InjectRepository(StockItem) private readonly items: Repository<StockItem>,
    @Inject('KAFKA') private readonly kafka: ClientKafka,
  ) {}

  async onModuleInit() {
    await this.kafka.connect();
  }

  async reserve(orderId: string, sku: string, qty: number) {
    const item = await this.items.findOneByOrFail({ sku });
    if (item.available < qty) {
      this.kafka.emit(INVENTORY_TOPICS.rejected, { key: orderId, value: { orderId, sku } });
      return;
    }
    item.available -= qty;
    await this.items.save(item);
    this.kafka.emit(INVENTORY_TOPICS.reserved, { key: orderId, value: { orderId, sku, qty } });
  }

  async restock(sku: string, qty: number) {
    await this.items.increment({ sku }, 'available', qty);
  }

  available(sku: string) {
    return this.items.findOneBy({ sku }).then((i) => i?.available ?? 0);
  }
}
