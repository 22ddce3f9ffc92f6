import { applyWSSHandler } from '@trpc/server/adapters/ws';
import { WebSocketServer } from 'ws';
import { appRouter } from './routers';

const wss = new WebSocketServer({ port: Number(process.env.WS_PORT ?? 4001) });
const handler = applyWSSHandler({ wss, router: appRouter, keepAlive: { enabled: true, pingMs: 30_000 } });

wss.on('connection', (socket) => {
  console.log(`+ ${wss.clients.size}`);
  socket.once('close', () => console.log(`- ${wss.clients.size}`));
});

process.on('SIGTERM', () => {
  handler.broadcastReconnectNotification();
  wss.close();
});
