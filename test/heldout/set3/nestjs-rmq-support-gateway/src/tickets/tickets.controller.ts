import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload, RmqContext } from '@nestjs/microservices';
import { TicketsService } from './tickets.service';

@Controller()
export class TicketsController {
  constructor(private readonly tickets: TicketsService) {}

  @EventPattern('ticket.opened')
  async opened(@Payload() data: { email: string; subject: string }, @Ctx() ctx: RmqContext) {
    await this.tickets.open(data.email, data.subject);
    ctx.getChannelRef().ack(ctx.getMessage());
  }

  @EventPattern('ticket.escalated')
  async escalated(@Payload() data: { ticketId: string }, @Ctx() ctx: RmqContext) {
    await this.tickets.escalate(data.ticketId);
    ctx.getChannelRef().ack(ctx.getMessage());
  }
}
