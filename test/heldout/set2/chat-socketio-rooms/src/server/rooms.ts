import type { Server, Socket } from 'socket.io';
import { randomUUID } from 'node:crypto';
import { ChatEvent, type ChatMessage } from '../shared/events.js';

const history = new Map<string, ChatMessage[]>();

export function registerRoomHandlers(io: Server, socket: Socket): void {
  socket.on(ChatEvent.Join, async (roomId: string) => {
    await socket.join(roomId);
    socket.emit(ChatEvent.History, history.get(roomId) ?? []);
    socket
      .to(roomId)
      .emit(ChatEvent.Presence, { user: socket.data.user, online: true });
  });

  socket.on(ChatEvent.Leave, async (roomId: string) => {
    await socket.leave(roomId);
    io.to(roomId).emit(ChatEvent.Presence, { user: socket.data.user, online: false });
  });

  socket.on(ChatEvent.Message, (payload: { roomId: string; body: string }, ack?: (id: string) => void) => {
    const message: ChatMessage = {
      id: randomUUID(),
      roomId: payload.roomId,
      author: socket.data.user,
      body: payload.body.slice(0, 2000),
      sentAt: Date.now(),
    };
    const list = history.get(payload.roomId) ?? [];
    list.push(message);
    history.set(payload.roomId, list.slice(-50));
    io.in(payload.roomId).emit(ChatEvent.Message, message);
    ack?.(message.id);
  });

  socket.on(ChatEvent.Typing, (roomId: string) => {
    socket.broadcast.to(roomId).emit(ChatEvent.Typing, socket.data.user);
  });
}
