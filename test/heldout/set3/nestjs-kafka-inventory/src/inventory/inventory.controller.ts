import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, MessagePattern, Payload } from '@nestjs/microservices';
import { InventoryService } from './inventory.service';
import { INVENTORY_TOPICS } from './topics';

@Controller()
export class InventoryController {
  constructor(private readonly inventory: InventoryService) {}

  @EventPattern(INVENTORY_TOPICS.reserveRequested)
  async onReserveRequested(@Payload() msg: { orderId: string; sku: string; qty: number }, @Ctx() ctx: KafkaContext) {
    await this.inventory.reserve(msg.orderId, msg.sku, msg.qty);
    await ctx.getConsumer().commitOffsets([{ topic: ctx.getTopic(), partition: ctx.getPartition(), offset: ctx.getMessage().offset }]);
  }

  @EventPattern(INVENTORY_TOPICS.restock)
  onRestock(@Payload() msg: { sku: string; qty: number }) {
    return this.inventory.restock(msg.sku, msg.qty);
  }

  @MessagePattern('inventory.availability')
  availability(@Payload() msg: { sku: string }) {
    return this.inventory.available(msg.sku);
  }
}
