import { createServer, type IncomingMessage } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { broadcast, join, leave } from './rooms';

const server = createServer((_req, res) => {
  res.writeHead(426, { 'Content-Type': 'text/plain' });
  res.end('upgrade required');
});

const boards = new WebSocketServer({ noServer: true, maxPayload: 1 << 20 });
const alive = new WeakSet<WebSocket>();

server.on('upgrade', (req, socket, head) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (!url.pathname.startsWith('/boards/')) {
    socket.destroy();
    return;
  }
  boards.handleUpgrade(req, socket, head, (ws) => {
    boards.emit('connection', ws, req);
  });
});

boards.on('connection', (ws: WebSocket, req: IncomingMessage) => {
  const room = (req.url ?? '').split('/')[2] ?? 'lobby';
  join(room, ws);
  alive.add(ws);
  ws.send(JSON.stringify({ type: 'welcome', room }));

  ws.on('message', (data, isBinary) => {
    if (isBinary) return;
    broadcast(room, data.toString(), ws);
  });
  ws.on('pong', () => alive.add(ws));
  ws.once('close', () => leave(room, ws));
});

const heartbeat = setInterval(() => {
  for (const ws of boards.clients) {
    if (!alive.has(ws)) {
      ws.terminate();
      continue;
    }
    alive.delete(ws);
    ws.ping();
  }
}, 30_000);

boards.on('close', () => clearInterval(heartbeat));
server.listen(Number(process.env.PORT ?? 8081));
