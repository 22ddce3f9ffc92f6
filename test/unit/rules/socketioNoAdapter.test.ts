import { describe, expect, it } from 'vitest';
import { brief, count, evaluateTree, findingsFor, pkg } from './ruleTree';

const adapterFindings = (lines: string[]) => lines.filter((l) => l.startsWith('socketio-no-adapter'));

const chatServer = `import { createServer } from 'node:http';
import { Server } from 'socket.io';

const httpServer = createServer();
const io = new Server(httpServer, { cors: { origin: process.env.WEB_ORIGIN } });

io.on('connection', (socket) => {
  socket.on('room:join', (room: string) => socket.join(room));
  socket.on('room:say', (room: string, text: string) => io.to(room).emit('room:said', { from: socket.id, text }));
});

httpServer.listen(Number(process.env.PORT ?? 3000));
`;

describe('rule socketio-no-adapter', () => {
  it('warns when a PM2 ecosystem file in the service runs it in cluster mode', async () => {
    const findings = await findingsFor({
      'services/rooms/package.json': pkg('@acme/rooms', { 'socket.io': '4.8.1', redis: '4.7.0' }),
      'services/rooms/src/index.ts': chatServer,
      'services/rooms/ecosystem.config.js': `module.exports = {
  apps: [{ name: 'rooms', script: 'dist/index.js', instances: 'max', exec_mode: 'cluster' }],
};
`,
    });
    expect(adapterFindings(brief(findings))).toEqual(['socketio-no-adapter warning services/rooms/src/index.ts:5']);
    const f = findings.find((x) => x.ruleId === 'socketio-no-adapter');
    expect(f?.message).toBe(
      'socket.io server in `@acme/rooms` has no adapter but runs several instances (PM2 `instances: max` in services/rooms/ecosystem.config.js): an event emitted on one instance never reaches clients connected to another.',
    );
    expect(f?.related).toEqual([{ file: 'services/rooms/ecosystem.config.js', root: expect.any(String), line: 2, message: 'runs several instances: PM2 `instances: max`' }]);
    expect(f?.fixes.map((x) => `${x.scaffoldId}/${x.variantId ?? '?'}`)).toEqual(['socketio-redis-adapter/redis-adapter']);
  });

  it('warns on docker-compose replicas for that service and on Node cluster.fork, not on replicas of another service', async () => {
    const findings = await findingsFor({
      'rooms/package.json': pkg('rooms', { 'socket.io': '4.8.1' }),
      'rooms/src/index.ts': chatServer,
      'lobby/package.json': pkg('lobby', { 'socket.io': '4.8.1' }),
      'lobby/src/index.ts': chatServer,
      'lobby/src/main.ts': `import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';

if (cluster.isPrimary) {
  for (let i = 0; i < availableParallelism(); i++) cluster.fork();
} else {
  await import('./index');
}
`,
      'ledger/package.json': pkg('ledger', { 'socket.io': '4.8.1' }),
      'ledger/src/index.ts': chatServer,
      'docker-compose.yml': `services:
  rooms:
    build: ./rooms
    deploy:
      replicas: 3
  ledger:
    build: ./ledger
  redis:
    image: redis:7.4-alpine
    deploy:
      replicas: 2
`,
    });
    expect(adapterFindings(brief(findings))).toEqual([
      'socketio-no-adapter hint ledger/src/index.ts:5',
      'socketio-no-adapter warning lobby/src/index.ts:5',
      'socketio-no-adapter warning rooms/src/index.ts:5',
    ]);
    const related = (file: string) => findings.find((f) => f.file === file)?.related?.map((r) => `${r.file}:${r.line} ${r.message}`);
    expect(related('rooms/src/index.ts')).toEqual(['docker-compose.yml:5 runs several instances: `replicas: 3`']);
    expect(related('lobby/src/index.ts')).toEqual(['lobby/src/main.ts:5 runs several instances: Node `cluster.fork()`']);
  });

  it('warns on Kubernetes replicas naming the service; a hint only without any sign', async () => {
    const withK8s = await findingsFor({
      'package.json': pkg('presence', { 'socket.io': '4.8.1' }),
      'src/index.ts': chatServer,
      'deploy/presence.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: presence
spec:
  replicas: 3
  selector:
    matchLabels: { app: presence }
---
apiVersion: v1
kind: Service
metadata:
  name: presence
`,
    });
    expect(adapterFindings(brief(withK8s))).toEqual(['socketio-no-adapter warning src/index.ts:5']);
    const alone = await findingsFor({ 'package.json': pkg('presence', { 'socket.io': '4.8.1' }), 'src/index.ts': chatServer });
    expect(adapterFindings(brief(alone))).toEqual(['socketio-no-adapter hint src/index.ts:5']);
    expect(alone[0]?.message).toContain('fine for a single instance');
  });

  it('stays quiet when the server has a Redis adapter', async () => {
    const { findings, kinds } = await evaluateTree({
      'package.json': pkg('rooms', { 'socket.io': '4.8.1', '@socket.io/redis-adapter': '8.3.0', redis: '4.7.0' }),
      'ecosystem.config.cjs': `module.exports = { apps: [{ name: 'rooms', script: 'dist/index.js', instances: 4 }] };\n`,
      'src/index.ts': `import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { Server } from 'socket.io';

const pub = createClient({ url: process.env.REDIS_URL });
const sub = pub.duplicate();
await Promise.all([pub.connect(), sub.connect()]);

const io = new Server(3000);
io.adapter(createAdapter(pub, sub));
io.on('connection', (socket) => {
  socket.on('room:join', (room: string) => socket.join(room));
});
`,
    });
    expect(count(kinds, 'ws.adapter')).toBe(1);
    expect(adapterFindings(brief(findings))).toEqual([]);
  });

  it('trusts an installed adapter package wired outside the gateway (NestJS useWebSocketAdapter)', async () => {
    const gateway = `import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';

@WebSocketGateway({ namespace: 'support' })
export class SupportGateway {
  @WebSocketServer() server!: Server;

  @SubscribeMessage('ticket:watch')
  watch(@MessageBody() ticketId: string, @ConnectedSocket() socket: Socket): void {
    void socket.join(\`ticket:\${ticketId}\`);
  }
}
`;
    const deps = { '@nestjs/websockets': '11.0.0', '@nestjs/platform-socket.io': '11.0.0', 'socket.io': '4.8.1' };
    const withAdapter = await evaluateTree({
      'package.json': pkg('support', { ...deps, '@socket.io/redis-adapter': '8.3.0', redis: '4.7.0' }),
      'src/support.gateway.ts': gateway,
      'src/main.ts': `import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { RedisIoAdapter } from './redisIoAdapter';

const app = await NestFactory.create(AppModule);
const adapter = new RedisIoAdapter(app);
await adapter.connectToRedis();
app.useWebSocketAdapter(adapter);
await app.listen(3000);
`,
    });
    expect(count(withAdapter.kinds, 'ws.server')).toBe(1);
    expect(adapterFindings(brief(withAdapter.findings))).toEqual([]);
    const without = await findingsFor({ 'package.json': pkg('support', deps), 'src/support.gateway.ts': gateway });
    expect(adapterFindings(brief(without))).toEqual(['socketio-no-adapter hint src/support.gateway.ts:4']);
  });
});
