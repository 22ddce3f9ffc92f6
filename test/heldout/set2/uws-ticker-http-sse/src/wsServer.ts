import uWS from 'uWebSockets.js';
import { rates } from './feed.js';

type Client = { pairs: Set<string> };

export function startWs(port: number): void {
  const clients = new Set<uWS.WebSocket<Client>>();

  uWS
    .App()
    .ws<Client>('/rates', {
      idleTimeout: 60,
      upgrade: (res, req, context) => {
        res.upgrade({ pairs: new Set<string>() }, req.getHeader('sec-websocket-key'), req.getHeader('sec-websocket-protocol'), req.getHeader('sec-websocket-extensions'), context);
      },
      open: (ws) => clients.add(ws),
      message: (ws, msg) => {
        const { pair } = JSON.parse(Buffer.from(msg).toString()) as { pair: string };
        ws.getUserData().pairs.add(pair);
      },
      close: (ws) => clients.delete(ws),
    })
    .listen(port, (ok) => console.log(ok ? `ws on ${port}` : 'ws listen failed'));

  rates.on('rate', (r: { pair: string; rate: number }) => {
    for (const c of clients) if (c.getUserData().pairs.has(r.pair)) c.send(JSON.stringify(r));
  });
}
