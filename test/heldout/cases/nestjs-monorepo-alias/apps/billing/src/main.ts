import { NestFactory } from '@nestjs/core';
import { Transport, type MicroserviceOptions } from '@nestjs/microservices';
import { BillingModule } from './billing.module';

async function bootstrap() {
  const app = await NestFactory.create(BillingModule);
  app.connectMicroservice<MicroserviceOptions>({
    transport: Transport.KAFKA,
    options: { client: { brokers: ['kafka:9092'] }, consumer: { groupId: 'billing' } },
  });
  await app.startAllMicroservices();
  await app.listen(3001);
}
void bootstrap();
