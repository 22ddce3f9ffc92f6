import { onBeforeUnmount, ref } from 'vue';
import { io, type Socket } from 'socket.io-client';

export function useAdminSocket(token: string) {
  const online = ref(0);
  const socket: Socket = io('/admin', { path: '/rt', auth: { token, role: 'admin' } });

  socket.on('admin:stats', (stats: { online: number }) => {
    online.value = stats.online;
  });
  socket.on('connect_error', (err) => console.warn('admin socket', err.message));

  const ban = (userId: string) => socket.timeout(3000).emit('admin:ban', userId, (err: Error | null, ok: boolean) => {
    if (err || !ok) console.error('ban failed');
  });

  onBeforeUnmount(() => socket.close());
  return { online, ban };
}
