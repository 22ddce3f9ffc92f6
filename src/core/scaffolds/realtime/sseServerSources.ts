// Templates of the SSE endpoint for servers that hand over a Node response (node:http, Express,
// Fastify) or a streaming helper (Hono). Each file stands alone: headers, channel, route.
import { sseChannelSource, sseHeadersSource } from './sseChannelSource';
import type { Slot, Template } from '../template';

const headerValueSource = `/** Node types header values as string or string[]; a repeated Last-Event-ID keeps the first. */
function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
`;

/** The body shared by the three "raw Node response" variants: open the stream, subscribe, clean up. */
const openRawStream = (slot: Slot, lastEventIdExpr: string): string => `  res.writeHead(200, SSE_HEADERS);
  // The reconnection hint is also the first bytes on the wire, so EventSource sees the stream open at once.
  res.write('retry: ${slot('retryMs')}\\n\\n');
  const unsubscribe = events.subscribe(
    textSink((chunk) => res.write(chunk)),
    ${lastEventIdExpr},
  );
  // 'close' fires on the response when the client goes away: release it and its heartbeat share.
  res.on('close', unsubscribe);`;

export const nodeHttpTemplate: Template = (slot) => `// Server-Sent Events endpoint on plain node:http: replay buffer for Last-Event-ID, heartbeats, cleanup.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

${sseHeadersSource}
${sseChannelSource(slot)}
/** Publish from anywhere in the process: \`events.publish({ orderId })\`. */
export const events = new SseChannel();

${headerValueSource}
export function handleSse(req: IncomingMessage, res: ServerResponse): void {
${openRawStream(slot, "headerValue(req.headers['last-event-id'])")}
}

export function createSseServer(): Server {
  return createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method === 'GET' && path === '${slot('route')}') {
      handleSse(req, res);
      return;
    }
    res.writeHead(404).end();
  });
}
`;

export const expressTemplate: Template = (slot) => `// Server-Sent Events route for Express: replay buffer for Last-Event-ID, heartbeats, cleanup.
// Mount with \`app.use(sseRouter)\` before any compression middleware, which would buffer the stream.
import { Router, type Request, type Response } from 'express';

${sseHeadersSource}
${sseChannelSource(slot)}
/** Publish from anywhere in the process: \`events.publish({ orderId })\`. */
export const events = new SseChannel();

export const sseRouter: Router = Router();

sseRouter.get('${slot('route')}', (req: Request, res: Response) => {
${openRawStream(slot, "req.get('Last-Event-ID')")}
});
`;

export const fastifyTemplate: Template = (slot) => `// Server-Sent Events route for Fastify: replay buffer for Last-Event-ID, heartbeats, cleanup.
// Register with \`await app.register(ssePlugin)\`.
import type { FastifyInstance } from 'fastify';

${sseHeadersSource}
${sseChannelSource(slot)}
/** Publish from anywhere in the process: \`events.publish({ orderId })\`. */
export const events = new SseChannel();

${headerValueSource}
export async function ssePlugin(app: FastifyInstance): Promise<void> {
  app.get('${slot('route')}', (request, reply) => {
    // The response stays open after the handler returns: take it over so Fastify does not answer too.
    reply.hijack();
    const res = reply.raw;
${openRawStream(slot, "headerValue(request.headers['last-event-id'])")
  .split('\n')
  .map((line) => (line === '' ? line : `  ${line}`))
  .join('\n')}
  });
}
`;

export const honoTemplate: Template = (slot) => `// Server-Sent Events route for Hono: replay buffer for Last-Event-ID, heartbeats, cleanup.
// Mount with \`app.route('/', sseApp)\`; on Node serve it with @hono/node-server.
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';

${sseChannelSource(slot)}
/** Publish from anywhere in the process: \`events.publish({ orderId })\`. */
export const events = new SseChannel();

export const sseApp = new Hono();

sseApp.get('${slot('route')}', (c) => {
  // streamSSE sets text/event-stream and no-cache; NGINX also needs to be told not to buffer.
  c.header('X-Accel-Buffering', 'no');
  const lastEventId = c.req.header('Last-Event-ID');
  return streamSSE(c, async (stream) => {
    await stream.write('retry: ${slot('retryMs')}\\n\\n');
    await new Promise<void>((resolve) => {
      const sink = textSink((chunk) => {
        // A write racing the disconnect rejects; onAbort below does the cleanup.
        stream.write(chunk).catch(() => undefined);
      });
      const unsubscribe = events.subscribe(sink, lastEventId);
      const release = (): void => {
        unsubscribe();
        resolve();
      };
      stream.onAbort(release);
      // The client may already be gone (onAbort would then never fire).
      if (stream.aborted) release();
    });
  });
});
`;
