import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { serve } from '@hono/node-server';
import Redis from 'ioredis';
import { transfer } from './transfers';
import { drainOutbox } from './relay';

const app = new Hono();

app.post('/transfers', async (c) => {
  const { from, to, amount } = await c.req.json();
  await transfer(from, to, BigInt(amount));
  return c.json({ ok: true }, 201);
});

app.get('/accounts/:id/events', (c) =>
  streamSSE(c, async (stream) => {
    const sub = new Redis(process.env.REDIS_URL!);
    await sub.subscribe(`ledger:${c.req.param('id')}`);
    sub.on('message', (_ch, data) => void stream.writeSSE({ data, event: 'ledger' }));
    stream.onAbort(() => void sub.quit());
    while (!stream.aborted) await stream.sleep(30_000);
  }),
);

setInterval(() => void drainOutbox(), 1000);
serve({ fetch: app.fetch, port: 8787 });
