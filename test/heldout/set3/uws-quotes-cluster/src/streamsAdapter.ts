import { createClient } from 'redis';
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';

export async function createStreamsBackedServer(port: number) {
  const redisClient = createClient({ url: process.env.REDIS_URL });
  await redisClient.connect();
  const io = new Server(port, {
    adapter: createAdapter(redisClient, { streamName: 'fx:socket.io' }),
    connectionStateRecovery: { maxDisconnectionDuration: 120_000 },
  });
  io.on('connection', (socket) => {
    if (socket.recovered) socket.emit('resumed');
  });
  return io;
}
