import { Module } from '@nestjs/common';
import { ClientsModule, Transport } from '@nestjs/microservices';
import { KAFKA_CLIENT } from '@acme/contracts';
import { LedgerConsumer } from './ledger.consumer';

@Module({
  imports: [ClientsModule.register([{ name: KAFKA_CLIENT, transport: Transport.KAFKA, options: { client: { brokers: ['kafka:9092'] } } }])],
  controllers: [LedgerConsumer],
})
export class LedgerModule {}
