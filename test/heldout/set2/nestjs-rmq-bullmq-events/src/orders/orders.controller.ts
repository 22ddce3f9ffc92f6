import { Body, Controller, Param, Post } from '@nestjs/common';
import { Ctx, EventPattern, Payload, RmqContext } from '@nestjs/microservices';
import { OrdersService } from './orders.service';

@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Post()
  create(@Body() body: { sku: string; email: string }) {
    return this.orders.create(body.sku, body.email);
  }

  @Post(':id/refund')
  refund(@Param('id') id: string) {
    return this.orders.refund(id);
  }

  @EventPattern('warehouse.shipped')
  onShipped(@Payload() data: { orderId: string }, @Ctx() ctx: RmqContext) {
    const channel = ctx.getChannelRef();
    channel.ack(ctx.getMessage());
    return this.orders.refund(data.orderId);
  }
}
