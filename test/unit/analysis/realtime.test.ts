import { describe, expect, it } from 'vitest';
import { analyzeTree, summarize } from './tree';

describe('socket.io and ws', () => {
  it('counts servers, adapters, emits (rooms, broadcast, volatile) and handlers incl. lifecycle; look-alikes do not count', async () => {
    const r = await analyzeTree({
      'src/server.ts': `import { createServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import express from 'express';
import { pub, sub } from './redis';

const app = express();
const httpServer = createServer(app);
const io = new Server(httpServer, { cors: { origin: '*' } });
io.adapter(createAdapter(pub, sub));

app.get('/health', (_req, res) => res.send('ok'));

io.on('connection', (socket: Socket) => {
  socket.on('room:join', async (roomId: string) => {
    await socket.join(roomId);
    socket.to(roomId).emit('room:presence', { online: true });
  });
  socket.broadcast.emit('user:online');
  socket.volatile.emit('tick');
  io.of('/admin').to('ops').emit('audit', { id: socket.id });
  socket.on('disconnect', () => undefined);
});
`,
      'src/redis.ts': `import Redis from 'ioredis';
export const pub = new Redis();
export const sub = pub.duplicate();
`,
      'src/ws.ts': `import { WebSocketServer, WebSocket } from 'ws';
const wss = new WebSocketServer({ port: 8080 });
wss.on('connection', (ws) => {
  ws.on('message', (data) => {
    wss.clients.forEach((client) => {
      if (client.readyState === WebSocket.OPEN) client.send(data);
    });
  });
  ws.on('close', () => undefined);
});
`,
      'src/client.ts': `import { io } from 'socket.io-client';
const socket = io('https://chat.example.com');
socket.emit('room:join', 'general');
socket.on('message:new', () => undefined);
const button = document.querySelector('button');
button?.addEventListener('click', () => socket.emit('ping'));
`,
    });
    expect(summarize(r)).toEqual([
      'src/client.ts:2 ws.client https://chat.example.com',
      'src/client.ts:3 ws.emit room:join',
      'src/client.ts:4 ws.on message:new',
      'src/client.ts:6 ws.emit ping',
      'src/server.ts:9 ws.server null',
      'src/server.ts:10 ws.adapter null',
      'src/server.ts:14 ws.on connection',
      'src/server.ts:15 ws.on room:join',
      'src/server.ts:17 ws.emit room:presence',
      'src/server.ts:19 ws.emit user:online',
      'src/server.ts:20 ws.emit tick',
      'src/server.ts:21 ws.emit audit',
      'src/server.ts:22 ws.on disconnect',
      'src/ws.ts:2 ws.server null',
      'src/ws.ts:3 ws.on connection',
      'src/ws.ts:4 ws.on message',
      'src/ws.ts:6 ws.emit null',
      'src/ws.ts:9 ws.on close',
    ]);
    const flow = r.flows.find((f) => f.id === 'socket.io:room:join');
    expect(flow?.producers).toHaveLength(1);
    expect(flow?.consumers).toHaveLength(1);
  });

  it('counts NestJS gateways, handlers and lifecycle hooks', async () => {
    const r = await analyzeTree({
      'src/chat.gateway.ts': `import { WebSocketGateway, WebSocketServer, SubscribeMessage, MessageBody, OnGatewayConnection } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';

@WebSocketGateway({ namespace: '/chat' })
export class ChatGateway implements OnGatewayConnection {
  @WebSocketServer() server!: Server;

  handleConnection(client: Socket) {
    client.emit('welcome');
  }

  @SubscribeMessage('message')
  onMessage(@MessageBody() text: string) {
    this.server.to('lobby').emit('message', text);
  }
}
`,
    });
    expect(summarize(r)).toEqual([
      'src/chat.gateway.ts:4 ws.server null',
      'src/chat.gateway.ts:8 ws.on connection',
      'src/chat.gateway.ts:9 ws.emit welcome',
      'src/chat.gateway.ts:12 ws.on message',
      'src/chat.gateway.ts:14 ws.emit message',
    ]);
  });
});

describe('SSE', () => {
  it('counts the content-type line of Express/node:http/Next.js handlers, @Sse, Hono streamSSE and clients', async () => {
    const r = await analyzeTree({
      'src/express.ts': `import express from 'express';
const app = express();
app.get('/events', (req, res) => {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-cache',
  });
  req.on('close', () => res.end());
});
app.get('/json', (_req, res) => res.type('application/json').send('{}'));
`,
      'app/api/stream/route.ts': `export async function GET(): Promise<Response> {
  const stream = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('data: hi\\n\\n')); } });
  return new Response(stream, { headers: { 'Content-Type': 'text/event-stream' } });
}
`,
      'src/hono.ts': `import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
const app = new Hono();
app.get('/ticks', (c) => streamSSE(c, async (s) => { await s.writeSSE({ data: '1' }); }));
`,
      'src/orders.controller.ts': `import { Controller, Sse, MessageEvent } from '@nestjs/common';
import { interval, map, Observable } from 'rxjs';
@Controller('orders')
export class OrdersController {
  @Sse('stream')
  stream(): Observable<MessageEvent> {
    return interval(1000).pipe(map(() => ({ data: 'x' })));
  }
}
`,
      'web/clients.ts': `import { fetchEventSource } from '@microsoft/fetch-event-source';
export function listen() {
  const es = new EventSource('/events');
  es.addEventListener('order', () => undefined);
  void fetchEventSource('/api/stream', { onmessage: () => undefined });
}
export async function readStream() {
  const res = await fetch('/api/stream', { headers: { Accept: 'text/event-stream' } });
  const reader = res.body!.getReader();
  const { value } = await reader.read();
  return new TextDecoder().decode(value).split('\\n').filter((l) => l.startsWith('data:'));
}
`,
    });
    expect(summarize(r)).toEqual([
      'app/api/stream/route.ts:3 sse.endpoint /api/stream',
      'src/express.ts:5 sse.endpoint /events',
      'src/hono.ts:4 sse.endpoint /ticks',
      'src/orders.controller.ts:5 sse.endpoint stream',
      'web/clients.ts:3 sse.client /events',
      'web/clients.ts:5 sse.client /api/stream',
      'web/clients.ts:8 sse.client /api/stream',
    ]);
    const flow = r.flows.find((f) => f.id === 'sse:/api/stream');
    expect(flow?.producers).toHaveLength(1);
    expect(flow?.consumers).toHaveLength(2);
  });
});

describe('tRPC and TanStack Query', () => {
  it('counts server subscriptions by procedure key, links, and mutations (optimistic vs plain)', async () => {
    const r = await analyzeTree({
      'src/server/routers/post.ts': `import { initTRPC } from '@trpc/server';
import { z } from 'zod';
const t = initTRPC.create();
export const publicProcedure = t.procedure;
export const postRouter = t.router({
  list: publicProcedure.query(() => []),
  onAdd: publicProcedure
    .input(z.object({ since: z.string().optional() }))
    .subscription(async function* () { yield 1; }),
});
`,
      'src/client/trpc.ts': `import { createTRPCClient, httpSubscriptionLink, splitLink, httpBatchLink } from '@trpc/client';
export const client = createTRPCClient({
  links: [splitLink({ condition: (op) => op.type === 'subscription', true: httpSubscriptionLink({ url: '/api/trpc' }), false: httpBatchLink({ url: '/api/trpc' }) })],
});
client.post.onAdd.subscribe(undefined, { onData: () => undefined });
`,
      'src/client/Posts.tsx': `import { useMutation, useQueryClient } from '@tanstack/react-query';
export function Posts() {
  const qc = useQueryClient();
  const add = useMutation({
    mutationFn: (title: string) => fetch('/posts', { method: 'POST', body: title }),
    onMutate: async (title) => {
      await qc.cancelQueries({ queryKey: ['posts'] });
      qc.setQueryData(['posts'], (old: string[] = []) => [...old, title]);
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => fetch('/posts/' + id, { method: 'DELETE' }),
    onMutate: () => { setBusy(true); },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['posts'] }),
  });
  return <button onClick={() => { add.mutate('x'); remove.mutate('y'); }} />;
}
function setBusy(_b: boolean) {}
`,
    });
    expect(summarize(r)).toEqual([
      'src/client/Posts.tsx:4 mutation.optimistic null',
      'src/client/Posts.tsx:11 mutation.plain null',
      'src/client/trpc.ts:3 sse.client /api/trpc',
      'src/server/routers/post.ts:9 trpc.subscription onAdd',
    ]);
  });
});
