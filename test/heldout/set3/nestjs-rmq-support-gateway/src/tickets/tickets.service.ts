import { Inject, Injectable } from '@nestjs/common';
import { ClientProxy } from '@nestjs/microservices';
import { PrismaClient } from '@prisma/client';
import { LiveGateway } from '../live/live.gateway';

@Injectable()
export class TicketsService {
  private readonly prisma = new PrismaClient();

  constructor(
    @Inject('SLA_BUS') private readonly sla: ClientProxy,
    private readonly live: LiveGateway,
  ) {}

  async open(email: string, subject: string) {
    const ticket = await this.prisma.ticket.create({ data: { email, subject, status: 'OPEN' } });
    this.live.server.to('agents').emit('ticket:new', ticket);
    this.sla.emit('sla.clock-started', { ticketId: ticket.id, openedAt: ticket.createdAt });
    return ticket;
  }

  async escalate(ticketId: string) {
    await this.prisma.ticket.update({ where: { id: ticketId }, data: { priority: 'HIGH' } });
    this.live.notifyEscalation(ticketId);
  }
}
