import uWS from 'uWebSockets.js';

interface UserData { pairs: string[] }
const decoder = new TextDecoder();

export function startEdge(port: number, latest: Map<string, number>) {
  const app = uWS.App();
  app.ws<UserData>('/quotes', {
    idleTimeout: 60,
    maxPayloadLength: 4 * 1024,
    upgrade: (res, req, context) => {
      const pairs = (req.getQuery('pairs') ?? 'EURUSD').split(',');
      res.upgrade({ pairs }, req.getHeader('sec-websocket-key'), req.getHeader('sec-websocket-protocol'), req.getHeader('sec-websocket-extensions'), context);
    },
    open: (ws) => {
      for (const pair of ws.getUserData().pairs) ws.send(JSON.stringify({ pair, px: latest.get(pair) }));
    },
    message: (ws, message) => {
      const { add } = JSON.parse(decoder.decode(message));
      ws.getUserData().pairs.push(add);
    },
  });
  app.get('/health', (res) => res.end('ok'));
  app.listen(port, (token) => {
    if (!token) throw new Error(`cannot listen on ${port}`);
  });
  return app;
}
