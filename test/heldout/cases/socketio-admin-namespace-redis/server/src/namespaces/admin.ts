import type { Server, Socket } from 'socket.io';
import { AdminEvent, TICKET_UPDATED } from '../events';

export function registerAdmin(io: Server): void {
  const admin = io.of('/admin');

  admin.use((socket, next) => (socket.handshake.auth.role === 'admin' ? next() : next(new Error('forbidden'))));

  admin.on('connection', (socket: Socket) => {
    socket.join('admins');
    socket.on(AdminEvent.Ban, async (userId: string, ack?: (ok: boolean) => void) => {
      io.in(`user:${userId}`).disconnectSockets(true);
      io.of('/admin').to('admins').emit(AdminEvent.Banned, { userId, by: socket.id });
      ack?.(true);
    });
  });

  setInterval(async () => {
    const sockets = await io.fetchSockets();
    admin.to('admins').volatile.emit(AdminEvent.Stats, { online: sockets.length });
  }, 10_000);
}

export function notifyTicket(io: Server, ticketId: string, agentId: string): void {
  io.of('/admin').to(`agent:${agentId}`).except('muted').emit(TICKET_UPDATED, { ticketId });
  io.to(`ticket:${ticketId}`).emit(TICKET_UPDATED, { ticketId });
}
