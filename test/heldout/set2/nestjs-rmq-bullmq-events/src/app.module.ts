import { Module } from '@nestjs/common';
import { ClientsModule, Transport } from '@nestjs/microservices';
import { BullModule } from '@nestjs/bullmq';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { ORDERS_RMQ, MAIL_QUEUE } from './constants';
import { OrdersService } from './orders/orders.service';
import { OrdersController } from './orders/orders.controller';
import { MailProcessor } from './mail/mail.processor';
import { AuditListener } from './audit/audit.listener';

@Module({
  imports: [
    EventEmitterModule.forRoot({ wildcard: true }),
    BullModule.forRoot({ connection: { host: 'redis', port: 6379 } }),
    BullModule.registerQueue({ name: MAIL_QUEUE }),
    ClientsModule.register([
      { name: ORDERS_RMQ, transport: Transport.RMQ, options: { urls: [process.env.AMQP_URL!], queue: 'warehouse' } },
    ]),
  ],
  controllers: [OrdersController],
  providers: [OrdersService, MailProcessor, AuditListener],
})
export class AppModule {}
