import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { pubClient, subClient } from './redis.js';
import { registerRoomHandlers } from './rooms.js';

const httpServer = createServer((req, res) => {
  if (req.url === '/healthz') {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('ok');
    return;
  }
  res.writeHead(404).end();
});

const io = new Server(httpServer, {
  cors: { origin: process.env.WEB_ORIGIN ?? 'http://localhost:5173' },
  pingInterval: 20_000,
});

io.adapter(createAdapter(pubClient, subClient));

io.on('connection', (socket) => {
  const user = String(socket.handshake.auth.user ?? 'anonymous');
  socket.data.user = user;
  registerRoomHandlers(io, socket);

  socket.on('disconnect', (reason) => {
    console.info(`${user} left (${reason})`);
  });
});

httpServer.listen(Number(process.env.PORT ?? 3001));
