import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { registerMessageHandlers } from './gateway/messages';
import { registerPresence } from './gateway/presence';

const httpServer = createServer();
const pubClient = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
const subClient = pubClient.duplicate();

pubClient.on('error', (err) => console.error('[redis]', err.message));

const io = new Server(httpServer, {
  cors: { origin: process.env.WEB_ORIGIN, credentials: true },
  pingInterval: 20_000,
});
io.adapter(createAdapter(pubClient, subClient, { key: 'guild-chat' }));

io.on('connection', (socket) => {
  const userId = socket.handshake.auth.userId as string;
  socket.data.userId = userId;
  registerMessageHandlers(io, socket);
  registerPresence(io, socket);
});

httpServer.listen(Number(process.env.PORT ?? 4000));
