import { WebSocketServer } from 'ws';
import { applyWSSHandler } from '@trpc/server/adapters/ws';
import { router } from './trpc';
import { cardRouter } from './routers/cards';

export const appRouter = router({ card: cardRouter });
export type AppRouter = typeof appRouter;

const wss = new WebSocketServer({ port: 3011 });
const handler = applyWSSHandler({ wss, router: appRouter });

wss.on('connection', (ws) => {
  console.log(`+ ${wss.clients.size}`);
  ws.once('close', () => console.log(`- ${wss.clients.size}`));
});

process.on('SIGTERM', () => {
  handler.broadcastReconnectNotification();
  wss.close();
});
