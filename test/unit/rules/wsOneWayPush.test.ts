import { describe, expect, it } from 'vitest';
import { brief, count, evaluateTree, findingsFor, pkg } from './ruleTree';

const only = (rule: string) => (lines: string[]) => lines.filter((l) => l.startsWith(rule));
const oneWay = only('ws-one-way-push');

describe('rule ws-one-way-push', () => {
  it('flags a ws server that only broadcasts metrics and suggests the SSE endpoint for its framework', async () => {
    const findings = await findingsFor({
      'package.json': pkg('ops-dashboard', { ws: '8.18.0', express: '4.21.2' }),
      'src/server.ts': `import express from 'express';
import { createServer } from 'node:http';
import { WebSocketServer, WebSocket } from 'ws';
import { collectMetrics } from './metrics';

const app = express();
const server = createServer(app);
const wss = new WebSocketServer({ server, path: '/metrics' });

wss.on('connection', (socket) => {
  socket.send(JSON.stringify({ kind: 'hello', at: Date.now() }));
  socket.on('close', () => console.log('dashboard left'));
});

setInterval(() => {
  const frame = JSON.stringify(collectMetrics());
  for (const client of wss.clients) if (client.readyState === WebSocket.OPEN) client.send(frame);
}, 1000);

server.listen(8080);
`,
      'src/metrics.ts': `export function collectMetrics() {
  return { rss: process.memoryUsage().rss, uptime: process.uptime() };
}
`,
    });
    expect(oneWay(brief(findings))).toEqual(['ws-one-way-push information src/server.ts:8']);
    const f = findings.find((x) => x.ruleId === 'ws-one-way-push');
    expect(f?.message).toBe(
      'WebSocket server in `ops-dashboard` only pushes to clients (2 sends, no handler for client messages): SSE is plain HTTP, auto-reconnects and needs no adapter.',
    );
    expect(f?.fixes).toEqual([{ title: expect.stringContaining('Express'), scaffoldId: 'sse-endpoint', variantId: 'express' }]);
    expect(f?.related?.map((r) => r.line)).toEqual([11, 17]);
  });

  it('flags a socket.io server whose only client events are lifecycle ones', async () => {
    const findings = await findingsFor({
      'package.json': pkg('scoreboard', { 'socket.io': '4.8.1' }),
      'src/index.ts': `import { Server } from 'socket.io';
import { onScore } from './feed';

const io = new Server(3001, { cors: { origin: '*' } });

io.on('connection', (socket) => {
  socket.emit('scores:snapshot', []);
  socket.on('disconnect', (reason) => console.log('left', reason));
});

onScore((score) => io.emit('scores:update', score));
`,
      'src/feed.ts': `export function onScore(cb: (score: { team: string; points: number }) => void): void {
  setInterval(() => cb({ team: 'home', points: Math.floor(Math.random() * 3) }), 5000);
}
`,
    });
    expect(oneWay(brief(findings))).toEqual(['ws-one-way-push information src/index.ts:4']);
  });

  it('stays quiet when the server handles client messages (ws message, socket.io app events, onAny)', async () => {
    const { findings, kinds } = await evaluateTree({
      'package.json': pkg('collab', { ws: '8.18.0', 'socket.io': '4.8.1' }),
      'src/cursor.ts': `import { WebSocketServer } from 'ws';

const wss = new WebSocketServer({ port: 4010 });
wss.on('connection', (socket) => {
  socket.on('message', (data) => {
    for (const client of wss.clients) if (client !== socket) client.send(data);
  });
});
`,
      'src/chat.ts': `import { Server } from 'socket.io';

const io = new Server(4011);
io.on('connection', (socket) => {
  socket.on('chat:send', (text: string) => io.emit('chat:message', { from: socket.id, text }));
});
`,
      'audit/package.json': pkg('audit', { 'socket.io': '4.8.1' }),
      'audit/src/audit.ts': `import { Server } from 'socket.io';

const audit = new Server(4012);
audit.on('connection', (socket) => {
  socket.onAny((event: string, ...args: unknown[]) => console.log('audit', event, args.length));
  socket.emit('audit:ready');
});
`,
    });
    expect(count(kinds, 'ws.server')).toBe(3);
    expect(oneWay(brief(findings))).toEqual([]);
  });
});
