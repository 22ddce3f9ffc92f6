import Fastify from 'fastify';
import redisPlugin from './plugins/redis.js';
import { scoreRoutes } from './routes/scores.js';

const app = Fastify({ logger: true });

await app.register(redisPlugin);
await app.register(scoreRoutes);

process.on('SIGTERM', () => void app.close());

await app.listen({ port: Number(process.env.PORT ?? 3000), host: '0.0.0.0' });
