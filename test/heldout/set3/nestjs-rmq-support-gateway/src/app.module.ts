import { Module } from '@nestjs/common';
import { ClientsModule, Transport } from '@nestjs/microservices';
import { TicketsController } from './tickets/tickets.controller';
import { TicketsService } from './tickets/tickets.service';
import { LiveGateway } from './live/live.gateway';

@Module({
  imports: [
    ClientsModule.register([
      { name: 'SLA_BUS', transport: Transport.RMQ, options: { urls: [process.env.AMQP_URL!], queue: 'support.sla' } },
    ]),
  ],
  controllers: [TicketsController],
  providers: [TicketsService, LiveGateway],
})
export class AppModule {}
