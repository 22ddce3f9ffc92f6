import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';

export function createIo(httpServer: HttpServer): Server {
  const pubClient = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
  const subClient = pubClient.duplicate();
  const io = new Server(httpServer, { path: '/rt', cors: { origin: true } });
  io.adapter(createAdapter(pubClient, subClient, { key: 'desk' }));
  return io;
}
