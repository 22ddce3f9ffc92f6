import { NestFactory } from '@nestjs/core';
import { Transport } from '@nestjs/microservices';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.connectMicroservice({
    transport: Transport.RMQ,
    options: { urls: [process.env.AMQP_URL!], queue: 'support.tickets', queueOptions: { durable: true }, noAck: false },
  });
  await app.startAllMicroservices();
  await app.listen(3000);
}
void bootstrap();
