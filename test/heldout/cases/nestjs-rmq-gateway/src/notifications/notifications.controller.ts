import { Controller, Inject } from '@nestjs/common';
import { ClientProxy, Ctx, EventPattern, MessagePattern, Payload, RmqContext } from '@nestjs/microservices';
import { NotificationsGateway } from './notifications.gateway';

@Controller()
export class NotificationsController {
  constructor(
    private readonly gateway: NotificationsGateway,
    @Inject('EMAIL_SERVICE') private readonly email: ClientProxy,
  ) {}

  @EventPattern('order.shipped')
  onShipped(@Payload() data: { userId: string; orderId: string }, @Ctx() ctx: RmqContext) {
    this.gateway.push(data.userId, { kind: 'shipped', orderId: data.orderId });
    this.email.emit('email.order-shipped', data);
    const channel = ctx.getChannelRef();
    channel.ack(ctx.getMessage());
  }

  @MessagePattern('notifications.count')
  count(@Payload() userId: string) {
    return { userId, unread: 0 };
  }
}
