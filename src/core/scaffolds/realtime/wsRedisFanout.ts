// Plain `ws` servers scaled through Redis Pub/Sub: each instance subscribes to one channel and relays
// every message to its local sockets (principle `websocket-pubsub-scaling`).
import type { Scaffold, ScaffoldParameter, ScaffoldVariant } from '../types';
import { findVariant, intInRange, PATTERNS, resolveParams } from '../params';
import { renderFile, type Template } from '../template';

const parameters: ScaffoldParameter[] = [
  { name: 'channel', label: 'Redis Pub/Sub channel', default: 'ws:broadcast', pattern: PATTERNS.eventName },
  { name: 'path', label: 'WebSocket URL path', default: '/ws', pattern: PATTERNS.urlPath },
  { name: 'heartbeatMs', label: 'Ping interval (ms)', default: '30000', pattern: PATTERNS.positiveInt },
];

const variants: ScaffoldVariant[] = [
  { id: 'ws-redis', label: 'ws + Redis Pub/Sub (redis)', prefers: ['ws', 'redis'], dependencies: ['ws', '@types/ws', 'redis'] },
];

const template: Template = (slot) => `// WebSocket fan-out across instances through Redis Pub/Sub. Start one per instance with the same Redis:
// a message published by any instance (or sent by any client) reaches the sockets of every instance.
// Redis Pub/Sub is fire-and-forget: an instance that is down misses messages (use Streams to replay).
import type { Server as HttpServer } from 'node:http';
import { createClient } from 'redis';
import { WebSocket, WebSocketServer } from 'ws';

export interface Fanout {
  wss: WebSocketServer;
  /** Publishes to every socket of every instance. */
  broadcast(message: unknown): Promise<void>;
  close(): Promise<void>;
}

export async function createFanout(
  server: HttpServer,
  redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
): Promise<Fanout> {
  const channel = '${slot('channel')}';
  const publisher = createClient({ url: redisUrl });
  // A subscribed connection cannot publish, so subscriptions get their own.
  const subscriber = publisher.duplicate();
  publisher.on('error', (error: unknown) => console.error('redis publisher', error));
  subscriber.on('error', (error: unknown) => console.error('redis subscriber', error));
  await Promise.all([publisher.connect(), subscriber.connect()]);

  // maxPayload bounds what one client can push through Redis to everyone.
  const wss = new WebSocketServer({ server, path: '${slot('path')}', maxPayload: 64 * 1024 });

  await subscriber.subscribe(channel, (message: string) => {
    for (const client of wss.clients) {
      if (client.readyState === WebSocket.OPEN) client.send(message);
    }
  });

  const publish = async (text: string): Promise<void> => {
    await publisher.publish(channel, text);
  };

  // Sockets that stop answering pings are dead (laptop lid closed, NAT timeout): terminate them.
  const alive = new WeakSet<WebSocket>();
  wss.on('connection', (socket) => {
    alive.add(socket);
    socket.on('pong', () => alive.add(socket));
    socket.on('message', (data, isBinary) => {
      if (isBinary) return;
      publish(data.toString()).catch((error: unknown) => console.error('publish failed', error));
    });
  });
  const heartbeat = setInterval(() => {
    for (const socket of wss.clients) {
      if (!alive.has(socket)) {
        socket.terminate();
        continue;
      }
      alive.delete(socket);
      socket.ping();
    }
  }, ${slot('heartbeatMs')});
  heartbeat.unref();

  return {
    wss,
    broadcast: (message) => publish(JSON.stringify(message)),
    async close() {
      clearInterval(heartbeat);
      for (const socket of wss.clients) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await subscriber.unsubscribe(channel);
      await Promise.all([publisher.close(), subscriber.close()]);
    },
  };
}
`;

export const wsFanoutScaffold: Scaffold = {
  id: 'ws-redis-fanout',
  title: 'ws fan-out through Redis Pub/Sub',
  principle: 'websocket-pubsub-scaling',
  description:
    'A `ws` WebSocketServer per instance subscribed to one Redis Pub/Sub channel: broadcasts and client messages reach every socket on every instance; dead sockets are dropped by ping/pong.',
  variants,
  parameters,
  snippetPrefix: 'ea-ws-redis-fanout',
  generate(variantId, params) {
    const variant = findVariant({ id: 'ws-redis-fanout', variants }, variantId);
    const values = resolveParams(parameters, params);
    intInRange(values, 'heartbeatMs', 1000, 600_000);
    return {
      files: [renderFile('src/realtime/wsFanout.ts', 'typescript', template, values)],
      notes: [`npm install ${variant.dependencies.join(' ')}`],
    };
  },
};
