import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { RedisStreamsIoAdapter } from './live/redis-io.adapter';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  const adapter = new RedisStreamsIoAdapter(app);
  await adapter.connectToRedis();
  app.useWebSocketAdapter(adapter);
  const sub = app.get(AppModule).ticks$.subscribe((t: number) => console.debug('tick', t));
  process.on('SIGINT', () => sub.unsubscribe());
  await app.listen(3000);
}
void bootstrap();
