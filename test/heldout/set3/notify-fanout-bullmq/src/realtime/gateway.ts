import { Server } from 'socket.io';
import { connection } from '../queues/index.js';
import { notify } from '../notify.js';

export function startGateway(port: number) {
  const io = new Server(port, { path: '/rt' });
  const sub = connection.duplicate();
  void sub.psubscribe('notifications:user:*');
  sub.on('pmessage', (_pattern, channel, message) => {
    const userId = channel.slice('notifications:user:'.length);
    io.to(`user:${userId}`).emit('notification', JSON.parse(message));
  });

  io.on('connection', (socket) => {
    void socket.join(`user:${socket.handshake.auth.userId}`);
    socket.on('broadcast', async (payload, ack) => {
      await notify({ audience: payload.userIds, template: payload.template, vars: payload.vars ?? {} });
      ack({ queued: true });
    });
  });
  return io;
}
