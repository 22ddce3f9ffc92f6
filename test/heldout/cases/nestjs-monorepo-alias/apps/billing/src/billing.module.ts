import { Module } from '@nestjs/common';
import { ClientsModule, Transport } from '@nestjs/microservices';
import { TypeOrmModule } from '@nestjs/typeorm';
import { KAFKA_CLIENT } from '@acme/contracts';
import { Invoice } from './invoices/invoice.entity';
import { InvoicesController } from './invoices/invoices.controller';
import { InvoicesService } from './invoices/invoices.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Invoice]),
    ClientsModule.register([
      { name: KAFKA_CLIENT, transport: Transport.KAFKA, options: { client: { brokers: ['kafka:9092'] } } },
    ]),
  ],
  controllers: [InvoicesController],
  providers: [InvoicesService],
})
export class BillingModule {}
