import Fastify from 'fastify';
import { kafkaPlugin } from './plugins/kafka';
import { paymentsListener } from './plugins/payments-listener';
import { checkoutRoutes } from './routes/checkout';

const app = Fastify({ logger: true });
await app.register(kafkaPlugin);
await app.register(paymentsListener);
await app.register(checkoutRoutes, { prefix: '/api' });

app.get('/healthz', async (_req, reply) => reply.send('ok'));
await app.listen({ port: Number(process.env.PORT ?? 3000), host: '0.0.0.0' });
