import { Inject, Injectable } from '@nestjs/common';
import { ClientProxy } from '@nestjs/microservices';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectQueue } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { PrismaClient } from '@prisma/client';
import { ORDERS_RMQ, MAIL_QUEUE, OrderEvents } from '../constants';

@Injectable()
export class OrdersService {
  private readonly prisma = new PrismaClient();

  constructor(
    @Inject(ORDERS_RMQ) private readonly warehouse: ClientProxy,
    @InjectQueue(MAIL_QUEUE) private readonly mail: Queue,
    private readonly events: EventEmitter2,
  ) {}

  async create(sku: string, email: string) {
    const order = await this.prisma.order.create({ data: { sku, email } });
    this.warehouse.emit('warehouse.reserve', { orderId: order.id, sku });
    await this.mail.add('confirmation', { to: email, orderId: order.id });
    this.events.emit(OrderEvents.Created, order);
    return order;
  }

  async refund(orderId: string) {
    this.events.emit(OrderEvents.Refunded, { orderId });
  }
}
