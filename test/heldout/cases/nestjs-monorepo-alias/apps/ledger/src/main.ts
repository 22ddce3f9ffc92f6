import { NestFactory } from '@nestjs/core';
import { Transport } from '@nestjs/microservices';
import { LedgerModule } from './ledger.module';

async function bootstrap() {
  const app = await NestFactory.createMicroservice(LedgerModule, {
    transport: Transport.KAFKA,
    options: { client: { brokers: ['kafka:9092'] }, consumer: { groupId: 'ledger' } },
  });
  await app.listen();
}
void bootstrap();
