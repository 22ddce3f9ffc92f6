import { Module } from '@nestjs/common';
import { ClientsModule, Transport } from '@nestjs/microservices';
import { NotificationsController } from './notifications/notifications.controller';
import { NotificationsGateway } from './notifications/notifications.gateway';

@Module({
  imports: [
    ClientsModule.register([
      { name: 'EMAIL_SERVICE', transport: Transport.RMQ, options: { urls: ['amqp://localhost:5672'], queue: 'email_queue' } },
    ]),
  ],
  controllers: [NotificationsController],
  providers: [NotificationsGateway],
})
export class AppModule {}
