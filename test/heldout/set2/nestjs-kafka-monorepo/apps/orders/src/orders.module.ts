import { Module } from '@nestjs/common';
import { ClientsModule, Transport } from '@nestjs/microservices';
import { KAFKA_CLIENT } from '@app/contracts';
import { OrdersService } from './orders.service';

@Module({
  imports: [
    ClientsModule.register([
      {
        name: KAFKA_CLIENT,
        transport: Transport.KAFKA,
        options: {
          client: { clientId: 'orders', brokers: ['kafka:9092'] },
          producerOnlyMode: true,
        },
      },
    ]),
  ],
  providers: [OrdersService],
})
export class OrdersModule {}
