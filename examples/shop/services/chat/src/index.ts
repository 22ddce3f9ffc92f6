import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { CHAT_EVENTS, type ChatMessage } from '../../../shared/events';
import { markOffline, markOnline, redis } from './presence';

await redis.connect();

const httpServer = createServer();
const io = new Server(httpServer, {
  path: '/chat/socket.io',
  cors: { origin: process.env.WEB_ORIGIN ?? 'http://localhost:5173', credentials: true },
});

io.on('connection', (socket) => {
  const userId = String(socket.handshake.auth.userId ?? 'guest');
  const rooms = new Set<string>();

  socket.on(CHAT_EVENTS.join, async (room: string) => {
    await socket.join(room);
    rooms.add(room);
    const online = await markOnline(room, userId);
    io.to(room).emit(CHAT_EVENTS.presence, { room, online });
  });

  socket.on(CHAT_EVENTS.message, (incoming: { room: string; text: string }) => {
    if (!rooms.has(incoming.room)) return;
    const message: ChatMessage = { room: incoming.room, userId, text: incoming.text.slice(0, 2000), at: new Date().toISOString() };
    io.to(incoming.room).emit(CHAT_EVENTS.message, message);
  });

  socket.on(CHAT_EVENTS.typing, (room: string) => {
    socket.to(room).emit(CHAT_EVENTS.typing, { room, userId });
  });

  socket.on('disconnect', async () => {
    for (const room of rooms) {
      const online = await markOffline(room, userId);
      io.to(room).emit(CHAT_EVENTS.presence, { room, online });
    }
  });
});

httpServer.listen(Number(process.env.PORT ?? 4003), () => {
  console.log(`chat worker ${process.pid} listening`);
});
