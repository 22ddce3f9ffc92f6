import { NestFactory } from '@nestjs/core';
import { MicroserviceOptions, Transport } from '@nestjs/microservices';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(AppModule, {
    transport: Transport.KAFKA,
    options: {
      client: { clientId: 'inventory', brokers: [process.env.KAFKA_BROKER ?? 'kafka:9092'] },
      consumer: { groupId: 'inventory-consumer' },
    },
  });
  await app.listen();
}
void bootstrap();
