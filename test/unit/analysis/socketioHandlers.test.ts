import { describe, expect, it } from 'vitest';
import { analyzeTree, summarize } from './tree';

describe('socket.io handler modules (untyped `(io, socket)`)', () => {
  it("detects the documented `module.exports = (io, socket) => …` shape without a socket.io import", async () => {
    const r = await analyzeTree({
      'package.json': JSON.stringify({ name: 'kitchen', dependencies: { 'socket.io': '4.8.1' } }),
      'handlers/orders.js': `const orders = new Map();

module.exports = (io, socket) => {
  const createOrder = (payload) => {
    orders.set(payload.id, payload);
    io.to('kitchen').emit('order:created', payload);
  };
  socket.on('order:create', createOrder);
};
`,
      'handlers/tcp.js': `// A plain TCP socket named socket: no io beside it, so nothing is a socket.io detection.
module.exports = function attach(socket) {
  socket.on('data', (chunk) => socket.write(chunk));
  socket.emit('ready');
};
`,
    });
    expect(summarize(r, ['ws.emit', 'ws.on'])).toEqual([
      'handlers/orders.js:6 ws.emit order:created',
      'handlers/orders.js:8 ws.on order:create',
    ]);
  });
});
