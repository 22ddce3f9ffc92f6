import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ClientKafka } from '@nestjs/microservices';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { firstValueFrom } from 'rxjs';
import { KAFKA_CLIENT, Topics, type OrderPlacedEvent } from '@app/contracts';
import { Order } from './order.entity';

@Injectable()
export class OrdersService implements OnModuleInit {
  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: ClientKafka,
    @InjectRepository(Order) private readonly orders: Repository<Order>,
  ) {}

  onModuleInit() {
    this.kafka.subscribeToResponseOf(Topics.StockCheck);
  }

  async place(event: OrderPlacedEvent): Promise<Order> {
    const available = await firstValueFrom(this.kafka.send<boolean>(Topics.StockCheck, event.lines));
    if (!available) throw new Error('out of stock');
    const order = await this.orders.save(this.orders.create({ id: event.orderId, status: 'placed' }));
    this.kafka.emit(Topics.OrderPlaced, event);
    return order;
  }

  async cancel(orderId: string): Promise<void> {
    await this.orders.update(orderId, { status: 'cancelled' });
    this.kafka.emit(Topics.OrderCancelled, { orderId });
  }
}
