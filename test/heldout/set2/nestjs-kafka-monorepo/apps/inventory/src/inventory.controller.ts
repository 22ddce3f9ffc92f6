import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, MessagePattern, Payload } from '@nestjs/microservices';
import { Topics, type OrderPlacedEvent } from '@app/contracts';

@Controller()
export class InventoryController {
  private readonly logger = new Logger(InventoryController.name);
  private readonly stock = new Map<string, number>();

  @MessagePattern(Topics.StockCheck)
  check(@Payload() lines: { sku: string; qty: number }[]): boolean {
    return lines.every((l) => (this.stock.get(l.sku) ?? 0) >= l.qty);
  }

  @EventPattern(Topics.OrderPlaced)
  reserve(@Payload() event: OrderPlacedEvent, @Ctx() ctx: KafkaContext) {
    this.logger.log(`reserve for ${event.orderId} (partition ${ctx.getPartition()})`);
  }

  @EventPattern(Topics.OrderCancelled)
  release(@Payload() data: { orderId: string }) {
    this.logger.log(`release ${data.orderId}`);
  }
}
