// Proof of the WebSocket scaling scaffolds: two instances of the generated server share one real Redis;
// a client connected to instance A receives what instance B emits. A pair without the adapter is the
// control that shows the check can fail.
import { createClient } from 'redis';
import { io as connectSocketIo, type Socket } from 'socket.io-client';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { socketioAdapterScaffold, wsFanoutScaffold } from '../../../src/core/scaffolds/realtime/index';
import { generateWith, services, sleep, uniqueName, waitFor, type TempProject } from '../harness/index';
import { createProject, expectTypecheck, under } from './support/projects';

interface Instance {
  port: number;
  emit(event: string, payload: unknown): void;
  emitToRoom(room: string, event: string, payload: unknown): void;
  close(): Promise<void>;
}
interface SocketIoRunner {
  start(redisUrl: string): Promise<Instance>;
}
interface FanoutInstance {
  port: number;
  broadcast(message: unknown): Promise<void>;
  close(): Promise<void>;
}
interface FanoutRunner {
  start(redisUrl: string): Promise<FanoutInstance>;
}

const socketIoRunner = (importPath: string): string => `import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRealtimeServer } from '${importPath}';

export async function start(redisUrl: string) {
  const httpServer = createServer();
  const realtime = await createRealtimeServer(httpServer, redisUrl);
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (httpServer.address() as AddressInfo).port,
    emit: (event: string, payload: unknown) => void realtime.io.emit(event, payload),
    emitToRoom: (room: string, event: string, payload: unknown) => void realtime.io.to(room).emit(event, payload),
    close: () => realtime.close(),
  };
}
`;

// The control: the same server without any adapter (socket.io's default in-memory one).
const noAdapterRunner = `import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

export async function start(_redisUrl: string) {
  const httpServer = createServer();
  const io = new Server(httpServer);
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (httpServer.address() as AddressInfo).port,
    emit: (event: string, payload: unknown) => void io.emit(event, payload),
    emitToRoom: (room: string, event: string, payload: unknown) => void io.to(room).emit(event, payload),
    close: async () => {
      await io.close();
    },
  };
}
`;

const fanoutRunner = `import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFanout } from '../ws-redis/src/realtime/wsFanout.js';

export async function start(redisUrl: string) {
  const httpServer = createServer();
  const fanout = await createFanout(httpServer, redisUrl);
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (httpServer.address() as AddressInfo).port,
    broadcast: (message: unknown) => fanout.broadcast(message),
    close: async () => {
      await fanout.close();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
`;

const streamName = uniqueName('rt_sio_stream');
const pubSubKey = uniqueName('rt_sio');
const wsChannel = uniqueName('rt_ws');
let project: TempProject;

beforeAll(async () => {
  project = createProject('rt-pubsub', 'node');
  project.write(under('redis-adapter', generateWith(socketioAdapterScaffold, 'redis-adapter', { prefix: pubSubKey }).files));
  project.write(under('redis-streams-adapter', generateWith(socketioAdapterScaffold, 'redis-streams-adapter', { prefix: streamName }).files));
  project.write(under('ws-redis', generateWith(wsFanoutScaffold, 'ws-redis', { channel: wsChannel, path: '/ws', heartbeatMs: '1000' }).files));
  project.write([
    { path: 'runners/redis-adapter.ts', content: socketIoRunner('../redis-adapter/src/realtime/socketServer.js') },
    { path: 'runners/redis-streams-adapter.ts', content: socketIoRunner('../redis-streams-adapter/src/realtime/socketServer.js') },
    { path: 'runners/no-adapter.ts', content: noAdapterRunner },
    { path: 'runners/ws-redis.ts', content: fanoutRunner },
  ]);
  await expectTypecheck(project);
});

afterAll(async () => {
  project?.remove();
  const redis = createClient({ url: services.redisUrl });
  await redis.connect();
  await redis.del(streamName);
  await redis.close();
});

function connect(port: number): Promise<Socket> {
  const socket = connectSocketIo(`http://127.0.0.1:${port}`, { transports: ['websocket'], reconnectionDelay: 100 });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

function nextEvent(socket: Socket, event: string, timeoutMs = 3_000): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${event}" within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, (payload: unknown) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

async function pair(variant: string): Promise<[Instance, Instance]> {
  const runner = await project.importModule<SocketIoRunner>(`runners/${variant}.ts`);
  return Promise.all([runner.start(services.redisUrl), runner.start(services.redisUrl)]);
}

describe.each(['redis-adapter', 'redis-streams-adapter'])('socket.io with %s', (variant) => {
  it('delivers broadcasts and room emits from instance B to a client on instance A', async () => {
    const [a, b] = await pair(variant);
    const onRoom = await connect(a.port);
    const outsider = await connect(a.port);
    try {
      // The adapter subscribes asynchronously; broadcast until the first one crosses, then demand exactness.
      const received = nextEvent(onRoom, 'news', 5_000);
      const pump = setInterval(() => b.emit('news', { from: 'B' }), 100);
      try {
        expect(await received).toEqual({ from: 'B' });
      } finally {
        clearInterval(pump);
      }

      const joined = (await onRoom.timeout(2_000).emitWithAck('join', 'room-1')) as boolean;
      expect(joined).toBe(true);
      expect((await onRoom.timeout(2_000).emitWithAck('join', 'bad room; drop')) as boolean).toBe(false);
      const leaked: unknown[] = [];
      outsider.on('room-news', (payload: unknown) => leaked.push(payload));
      const inRoom = nextEvent(onRoom, 'room-news');
      b.emitToRoom('room-1', 'room-news', { n: 1 });
      expect(await inRoom).toEqual({ n: 1 });
      await sleep(200);
      expect(leaked).toEqual([]);
    } finally {
      onRoom.disconnect();
      outsider.disconnect();
      await Promise.all([a.close(), b.close()]);
    }
  });
});

it('socket.io Redis Streams adapter: a client whose connection dropped recovers the packets it missed', async () => {
  const [a, b] = await pair('redis-streams-adapter');
  const client = await connect(a.port);
  try {
    const warm = nextEvent(client, 'tick', 5_000);
    const pump = setInterval(() => b.emit('tick', 0), 100);
    await warm.finally(() => clearInterval(pump));
    await sleep(150);
    const seen: unknown[] = [];
    client.on('tick', (n: unknown) => seen.push(n));
    const reconnected = new Promise<void>((resolve) => client.io.once('reconnect', () => resolve()));
    // Cut the transport as a network drop would; the client reconnects by itself.
    client.io.engine.close();
    b.emit('tick', 1);
    b.emit('tick', 2);
    await reconnected;
    await waitFor(() => seen.filter((n) => n !== 0), (list) => list.length >= 2, { message: 'missed packets not recovered' });
    expect(client.recovered).toBe(true);
    expect(seen.filter((n) => n !== 0)).toEqual([1, 2]);
  } finally {
    client.disconnect();
    await Promise.all([a.close(), b.close()]);
  }
});

it('control: without an adapter, instance B cannot reach a client on instance A', async () => {
  const [a, b] = await pair('no-adapter');
  const client = await connect(a.port);
  const seen: unknown[] = [];
  client.on('news', (payload: unknown) => seen.push(payload));
  try {
    for (let i = 0; i < 5; i++) {
      b.emit('news', i);
      await sleep(60);
    }
    expect(seen).toEqual([]);
  } finally {
    client.disconnect();
    await Promise.all([a.close(), b.close()]);
  }
});

describe('ws fan-out through Redis Pub/Sub', () => {
  function open(port: number): Promise<{ socket: WebSocket; messages: string[] }> {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/ws`);
    const messages: string[] = [];
    socket.on('message', (data: Buffer) => messages.push(data.toString()));
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve({ socket, messages }));
      socket.once('error', reject);
    });
  }

  it('relays a broadcast from instance B and a message sent by a client on B to a client on A', async () => {
    const runner = await project.importModule<FanoutRunner>('runners/ws-redis.ts');
    const [a, b] = await Promise.all([runner.start(services.redisUrl), runner.start(services.redisUrl)]);
    const onA = await open(a.port);
    const onB = await open(b.port);
    try {
      await b.broadcast({ hello: 'from B' });
      await waitFor(() => onA.messages, (m) => m.length >= 1, { message: 'client on A got no broadcast' });
      expect(JSON.parse(onA.messages[0]!)).toEqual({ hello: 'from B' });

      onB.socket.send('typed on B');
      await waitFor(() => onA.messages, (m) => m.includes('typed on B'), { message: 'client message did not cross instances' });
      // The sender's own instance delivers it back too: everyone sees the same stream.
      await waitFor(() => onB.messages, (m) => m.includes('typed on B'), { message: 'sender did not get its message' });
    } finally {
      onA.socket.close();
      onB.socket.close();
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('terminates a socket that stops answering pings', async () => {
    const runner = await project.importModule<FanoutRunner>('runners/ws-redis.ts');
    const instance = await runner.start(services.redisUrl);
    // autoPong: false makes this client ignore pings, like a peer whose network vanished.
    const socket = new WebSocket(`ws://127.0.0.1:${instance.port}/ws`, { autoPong: false });
    try {
      await new Promise((resolve, reject) => {
        socket.once('open', resolve);
        socket.once('error', reject);
      });
      const closed = new Promise<number>((resolve) => socket.once('close', (code: number) => resolve(code)));
      const code = await Promise.race([closed, sleep(4_000).then(() => -1)]);
      expect(code, 'dead socket was not terminated within two heartbeats').not.toBe(-1);
    } finally {
      socket.terminate();
      await instance.close();
    }
  });
});
