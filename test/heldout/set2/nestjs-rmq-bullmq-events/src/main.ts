import { NestFactory } from '@nestjs/core';
import { Transport, type MicroserviceOptions } from '@nestjs/microservices';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.connectMicroservice<MicroserviceOptions>({
    transport: Transport.RMQ,
    options: { urls: [process.env.AMQP_URL!], queue: 'merchant_api', queueOptions: { durable: true } },
  });
  await app.startAllMicroservices();
  await app.listen(3000);
}
void bootstrap();
