import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { serve } from '@hono/node-server';
import { LogStream } from './logStream.js';

const logs = await new LogStream().connect();
const app = new Hono();

app.post('/deploys/:id/log', async (c) => {
  const { line } = await c.req.json<{ line: string }>();
  const id = await logs.append(c.req.param('id'), line);
  return c.json({ id });
});

app.get('/deploys/:id/log/stream', (c) => {
  c.header('Content-Type', 'text/event-stream');
  c.header('Cache-Control', 'no-cache');
  return stream(c, async (s) => {
    const lastId = c.req.header('Last-Event-ID') ?? '0-0';
    for await (const entry of logs.follow(c.req.param('id'), lastId)) {
      await s.write(`id: ${entry.id}\ndata: ${entry.line}\n\n`);
    }
  });
});

serve({ fetch: app.fetch, port: 8787 });
