import { WebSocketServer } from 'ws';
import { nanoid } from 'nanoid';
import { Room } from './room.js';
import { TICK_MS, type ClientMessage } from './protocol.js';

const wss = new WebSocketServer({ port: Number(process.env.PORT ?? 7070), maxPayload: 4096 });
const room = new Room();

wss.on('connection', (socket, req) => {
  const id = nanoid(8);
  console.log(`client ${id} from ${req.socket.remoteAddress}`);

  socket.on('message', (raw) => {
    const msg = JSON.parse(raw.toString()) as ClientMessage;
    switch (msg.type) {
      case 'join':
        room.add(id, socket, msg.name);
        socket.send(JSON.stringify({ type: 'welcome', id }));
        break;
      case 'move': {
        const p = room.players.get(id);
        if (p) { p.x += Math.sign(msg.dx); p.y += Math.sign(msg.dy); }
        break;
      }
      case 'chat':
        room.broadcast({ type: 'chat', from: id, text: msg.text.slice(0, 200) });
        break;
    }
  });

  socket.on('close', () => room.remove(id));
  socket.on('error', (err) => console.warn(`socket ${id}`, err.message));
});

setInterval(() => {
  room.broadcast({ type: 'state', players: [...room.players.values()] });
}, TICK_MS);
