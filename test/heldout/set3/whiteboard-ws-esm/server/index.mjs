import http from 'node:http';
import { WebSocketServer } from 'ws';
import { nanoid } from 'nanoid';
import { connectBus, relayOp, sub } from './bus.mjs';
import { fanout, join, leave } from './rooms.mjs';

const server = http.createServer((req, res) => {
  res.writeHead(404).end();
});
const wss = new WebSocketServer({ noServer: true, maxPayload: 1 << 20 });

server.on('upgrade', (req, socket, head) => {
  const match = /^\/boards\/([\w-]+)$/.exec(req.url ?? '');
  if (!match) return socket.destroy();
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, match[1]));
});

wss.on('connection', (ws, boardId) => {
  const peerId = nanoid(8);
  join(boardId, ws);
  ws.send(JSON.stringify({ type: 'hello', peerId }));

  ws.on('message', (data) => {
    const op = JSON.parse(data.toString());
    op.peerId = peerId;
    fanout(boardId, JSON.stringify(op), ws);
    relayOp(boardId, { ...op, origin: process.pid });
  });

  ws.on('close', () => leave(boardId, ws));
});

sub.on('pmessage', (_pattern, channel, payload) => {
  const op = JSON.parse(payload);
  if (op.origin === process.pid) return;
  fanout(channel.split(':')[1], payload);
});

await connectBus();
server.listen(process.env.PORT ?? 8080);
