import { applyWSSHandler } from '@trpc/server/adapters/ws';
import { WebSocketServer } from 'ws';
import { router } from './trpc';
import { lotRouter } from './routers/lot';

export const appRouter = router({ lot: lotRouter });
export type AppRouter = typeof appRouter;

const wss = new WebSocketServer({ port: 3001 });
const handler = applyWSSHandler({ wss, router: appRouter, keepAlive: { enabled: true, pingMs: 30_000 } });

process.on('SIGTERM', () => {
  handler.broadcastReconnectNotification();
  wss.close();
});
