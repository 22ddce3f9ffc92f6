import Router from '@koa/router';
import { PassThrough } from 'node:stream';
import { PRICE_CHANNEL, subscriber } from '../redis';

export const streamRouter = new Router();
const listeners = new Set<PassThrough>();

subscriber.on('message', (channel: string, message: string) => {
  if (channel !== PRICE_CHANNEL) return;
  for (const out of listeners) out.write(`data: ${message}\n\n`);
});

subscriber.on('pmessage', (_pattern: string, channel: string, message: string) => {
  for (const out of listeners) out.write(`event: alert\ndata: ${JSON.stringify({ channel, message })}\n\n`);
});

export async function startListening(): Promise<void> {
  await subscriber.subscribe(PRICE_CHANNEL);
  await subscriber.psubscribe('alerts:*');
}

streamRouter.get('/prices/stream', (ctx) => {
  ctx.request.socket.setTimeout(0);
  ctx.req.socket.setNoDelay(true);
  ctx.set('Content-Type', 'text/event-stream');
  ctx.set('Cache-Control', 'no-cache');
  ctx.status = 200;
  const out = new PassThrough();
  listeners.add(out);
  ctx.req.on('close', () => listeners.delete(out));
  ctx.body = out;
});
