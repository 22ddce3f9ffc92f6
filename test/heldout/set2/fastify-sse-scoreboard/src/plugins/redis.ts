import fp from 'fastify-plugin';
import { createClient, type RedisClientType } from 'redis';

declare module 'fastify' {
  interface FastifyInstance {
    redis: RedisClientType;
    redisSub: RedisClientType;
  }
}

export default fp(async (app) => {
  const client: RedisClientType = createClient({ url: process.env.REDIS_URL });
  client.on('error', (err) => app.log.error(err, 'redis'));
  await client.connect();
  const sub = client.duplicate();
  await sub.connect();
  app.decorate('redis', client);
  app.decorate('redisSub', sub);
  app.addHook('onClose', async () => {
    await Promise.all([client.quit(), sub.quit()]);
  });
});
