// socket.io behind several instances: every instance joins a Redis-backed adapter so a broadcast from
// any instance reaches clients on all of them (principle `websocket-pubsub-scaling`).
import type { Scaffold, ScaffoldParameter, ScaffoldVariant } from '../types';
import { findVariant, PATTERNS, resolveParams } from '../params';
import { renderFile, type Slot, type Template } from '../template';

const parameters: ScaffoldParameter[] = [
  { name: 'prefix', label: 'Redis key / stream name', default: 'socket.io', pattern: PATTERNS.eventName },
  { name: 'roomEvent', label: 'Client event to join a room', default: 'join', pattern: PATTERNS.eventName },
];

const variants: ScaffoldVariant[] = [
  {
    id: 'redis-adapter',
    label: 'Redis Pub/Sub adapter (@socket.io/redis-adapter)',
    prefers: ['socket.io', 'redis'],
    dependencies: ['socket.io', '@socket.io/redis-adapter', 'redis'],
  },
  {
    id: 'redis-streams-adapter',
    label: 'Redis Streams adapter with connection state recovery (@socket.io/redis-streams-adapter)',
    prefers: ['socket.io', 'redis'],
    dependencies: ['socket.io', '@socket.io/redis-streams-adapter', 'redis'],
  },
];

const connectionHandling = (slot: Slot): string => `  io.on('connection', (socket) => {
    // Rooms work across instances too: \`io.to(room).emit(...)\` on any instance reaches this socket.
    socket.on('${slot('roomEvent')}', (room: unknown, ack?: (ok: boolean) => void) => {
      const valid = typeof room === 'string' && /^[\\w:.-]{1,64}$/.test(room);
      if (valid) void socket.join(room);
      if (typeof ack === 'function') ack(valid);
    });
  });`;

const pubSubTemplate: Template = (slot) => `// socket.io server scaled through Redis Pub/Sub: start one per instance, all with the same Redis.
import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { Server } from 'socket.io';

export interface RealtimeServer {
  io: Server;
  /** Closes socket.io (and the HTTP server it is attached to), then both Redis connections. */
  close(): Promise<void>;
}

export async function createRealtimeServer(
  httpServer: HttpServer,
  redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
): Promise<RealtimeServer> {
  const pubClient = createClient({ url: redisUrl });
  // A subscribed connection cannot publish, so the adapter needs a second one.
  const subClient = pubClient.duplicate();
  // Without a listener a Redis hiccup becomes an uncaught 'error' event; the clients reconnect themselves.
  pubClient.on('error', (error: unknown) => console.error('redis pub client', error));
  subClient.on('error', (error: unknown) => console.error('redis sub client', error));
  await Promise.all([pubClient.connect(), subClient.connect()]);

  const io = new Server(httpServer, { adapter: createAdapter(pubClient, subClient, { key: '${slot('prefix')}' }) });
${connectionHandling(slot)}

  return {
    io,
    async close() {
      await io.close();
      await Promise.all([pubClient.close(), subClient.close()]);
    },
  };
}
`;

const streamsTemplate: Template = (slot) => `// socket.io server scaled through a Redis Stream: start one per instance, all with the same Redis.
// Unlike Pub/Sub, the stream keeps recent packets, so a client that reconnects within
// maxDisconnectionDuration gets what it missed (socket.recovered === true).
import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import { Server } from 'socket.io';

export interface RealtimeServer {
  io: Server;
  /** Closes socket.io (and the HTTP server it is attached to), then the Redis connection. */
  close(): Promise<void>;
}

export async function createRealtimeServer(
  httpServer: HttpServer,
  redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
): Promise<RealtimeServer> {
  const redisClient = createClient({ url: redisUrl });
  // Without a listener a Redis hiccup becomes an uncaught 'error' event; the client reconnects itself.
  redisClient.on('error', (error: unknown) => console.error('redis client', error));
  await redisClient.connect();

  const io = new Server(httpServer, {
    adapter: createAdapter(redisClient, { streamName: '${slot('prefix')}' }),
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000 },
  });
${connectionHandling(slot)}

  return {
    io,
    async close() {
      await io.close();
      await redisClient.close();
    },
  };
}
`;

export const socketioAdapterScaffold: Scaffold = {
  id: 'socketio-redis-adapter',
  title: 'socket.io scaled with a Redis adapter',
  principle: 'websocket-pubsub-scaling',
  description:
    'A socket.io server factory attached to a Redis adapter (Pub/Sub or Streams) so broadcasts and room emits from any instance reach clients connected to every instance — no sticky routing of messages.',
  variants,
  parameters,
  snippetPrefix: 'ea-socketio-redis',
  generate(variantId, params) {
    const variant = findVariant({ id: 'socketio-redis-adapter', variants }, variantId);
    const values = resolveParams(parameters, params);
    const template = variant.id === 'redis-streams-adapter' ? streamsTemplate : pubSubTemplate;
    return {
      files: [renderFile('src/realtime/socketServer.ts', 'typescript', template, values)],
      notes: [
        `npm install ${variant.dependencies.join(' ')}`,
        'Behind a load balancer, keep sticky sessions only for the HTTP long-polling handshake (or use transports: ["websocket"]).',
      ],
    };
  },
};
