import Fastify from 'fastify';
import websocket from '@fastify/websocket';
import { fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import { router } from './context.js';
import { createContext } from './context.js';
import { presenceRouter } from './routers/presence.js';
import { startHub } from './presenceHub.js';

export const appRouter = router({ presence: presenceRouter });
export type AppRouter = typeof appRouter;

const app = Fastify();
await app.register(websocket);
await app.register(fastifyTRPCPlugin, {
  prefix: '/trpc',
  useWSS: true,
  trpcOptions: { router: appRouter, createContext },
});
await startHub();
await app.listen({ port: 4000 });
