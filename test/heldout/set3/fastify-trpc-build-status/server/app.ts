import Fastify from 'fastify';
import pg from 'pg';
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/postgres-adapter';
import { fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import { appRouter } from './router';
import { buildBus } from './bus';

const app = Fastify({ logger: true });
await app.register(fastifyTRPCPlugin, { prefix: '/trpc', trpcOptions: { router: appRouter } });

app.get('/feed', (request, reply) => {
  reply.raw.setHeader('Content-Type', 'text/event-stream');
  reply.raw.setHeader('Cache-Control', 'no-store');
  const forward = (s: unknown) => reply.raw.write(`data: ${JSON.stringify(s)}\n\n`);
  buildBus.on('status', forward);
  request.raw.once('close', () => buildBus.off('status', forward));
});

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
const io = new Server(app.server, { transports: ['websocket'] });
io.adapter(createAdapter(pool, { tableName: 'socket_io_attachments' }));
buildBus.on('status', (s) => io.emit('build:status', s));

await app.listen({ port: 4100, host: '0.0.0.0' });
