import { NestFactory } from '@nestjs/core';
import { Transport, type MicroserviceOptions } from '@nestjs/microservices';
import { PricingModule } from './pricing.module';

async function bootstrap() {
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(PricingModule, {
    transport: Transport.TCP,
    options: { host: '0.0.0.0', port: 4010 },
  });
  await app.listen();
}
void bootstrap();
