import type { Server, Socket } from 'socket.io';
import { GatewayEvent } from './events';

const online = new Map<string, number>();

export function registerPresence(io: Server, socket: Socket) {
  const userId: string = socket.data.userId;
  online.set(userId, (online.get(userId) ?? 0) + 1);
  socket.broadcast.emit(GatewayEvent.PresenceUpdate, { userId, status: 'online' });

  socket.on('disconnect', (reason) => {
    const left = (online.get(userId) ?? 1) - 1;
    if (left > 0) return void online.set(userId, left);
    online.delete(userId);
    io.emit(GatewayEvent.PresenceUpdate, { userId, status: 'offline', reason });
  });
}
