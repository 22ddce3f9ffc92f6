import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';

export function attachRealtime(http: HttpServer) {
  const io = new Server(http, { cors: { origin: process.env.WEB_ORIGIN } });

  io.on('connection', (socket) => {
    socket.on('board:join', (boardId: string) => socket.join(`board:${boardId}`));
    socket.on('board:leave', (boardId: string) => socket.leave(`board:${boardId}`));
  });

  return {
    cardMoved(boardId: string, card: unknown) {
      io.to(`board:${boardId}`).emit('card:moved', card);
    },
  };
}
