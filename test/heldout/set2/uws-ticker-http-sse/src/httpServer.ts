import http from 'node:http';
import type { NatsConnection } from 'nats';
import { rates, quote } from './feed.js';

export function startHttp(nc: NatsConnection, port: number): http.Server {
  return http
    .createServer(async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname === '/rates/stream') {
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
        });
        const push = (r: unknown) => res.write(`data: ${JSON.stringify(r)}\n\n`);
        rates.on('rate', push);
        req.on('close', () => rates.off('rate', push));
        return;
      }
      if (url.pathname.startsWith('/quote/')) {
        const quotes = await quote(nc, url.pathname.slice(7));
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(quotes));
        return;
      }
      res.writeHead(404).end();
    })
    .listen(port);
}
