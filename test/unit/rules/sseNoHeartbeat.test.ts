import { describe, expect, it } from 'vitest';
import { brief, count, evaluateTree, findingsFor, pkg } from './ruleTree';

const heartbeat = (lines: string[]) => lines.filter((l) => l.startsWith('sse-no-heartbeat'));

describe('rule sse-no-heartbeat', () => {
  it('flags Express and node:http streams that never write between events (a keep-alive header is not a heartbeat)', async () => {
    const findings = await findingsFor({
      'api/package.json': pkg('feed-api', { express: '4.21.2' }),
      'api/src/feed.ts': `import express from 'express';
import { EventEmitter } from 'node:events';

export const feed = new EventEmitter();
export const app = express();

app.get('/feed/stream', (req, res) => {
  res.setHeader('Content-Type', 'text/event-stream');
  res.setHeader('Connection', 'keep-alive');
  res.flushHeaders();
  const onPost = (post: { id: string }) => res.write(\`id: \${post.id}\\ndata: \${JSON.stringify(post)}\\n\\n\`);
  feed.on('post', onPost);
  req.on('close', () => feed.off('post', onPost));
});
`,
      'progress/package.json': pkg('progress', {}),
      'progress/src/server.ts': `import { createServer } from 'node:http';

createServer((req, res) => {
  if (req.url !== '/progress') {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
  let step = 0;
  const next = () => {
    res.write(\`data: \${JSON.stringify({ step })}\\n\\n\`);
    if (++step < 10) setTimeout(next, 500 + Math.random() * 5000);
    else res.end();
  };
  next();
}).listen(8081);
`,
    });
    expect(heartbeat(brief(findings))).toEqual(['sse-no-heartbeat warning api/src/feed.ts:8', 'sse-no-heartbeat warning progress/src/server.ts:8']);
    const [feed, progress] = findings.filter((f) => f.ruleId === 'sse-no-heartbeat');
    expect(feed?.message).toBe(
      'SSE route `/feed/stream` in `feed-api` never writes a heartbeat: proxies and load balancers close idle connections, so a quiet stream drops (write a `:` comment every ~15 s).',
    );
    expect(feed?.fixes.map((f) => f.variantId)).toEqual(['express']);
    expect(progress?.fixes.map((f) => f.variantId)).toEqual(['node-http']);
  });

  it('accepts a per-connection interval, a module-level ping to all clients, and a named heartbeat helper', async () => {
    const { findings, kinds } = await evaluateTree({
      'package.json': pkg('feed-api', { express: '4.21.2' }),
      'src/interval.ts': `import express from 'express';
export const app = express();
app.get('/a/stream', (req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/event-stream' });
  const timer = setInterval(() => res.write(': ping\\n\\n'), 15_000);
  req.on('close', () => clearInterval(timer));
});
`,
      'src/broadcast.ts': `import type { Request, Response } from 'express';
const clients = new Set<Response>();
setInterval(() => {
  for (const res of clients) res.write(':\\n\\n');
}, 20_000);
export function subscribe(req: Request, res: Response): void {
  res.setHeader('Content-Type', 'text/event-stream');
  clients.add(res);
  req.on('close', () => clients.delete(res));
}
`,
      'src/helper.ts': `import type { Request, Response } from 'express';
import { startHeartbeat } from './heartbeat';
export function orders(req: Request, res: Response): void {
  res.setHeader('Content-Type', 'text/event-stream');
  const stop = startHeartbeat(res);
  req.on('close', stop);
}
`,
      'src/heartbeat.ts': `import type { Response } from 'express';
export function startHeartbeat(res: Response): () => void {
  const t = setInterval(() => res.write(': keep-alive\\n\\n'), 15_000);
  return () => clearInterval(t);
}
`,
    });
    expect(count(kinds, 'sse.endpoint')).toBe(3);
    expect(heartbeat(brief(findings))).toEqual([]);
  });

  it('reads the method after a NestJS @Sse decorator: rxjs interval counts, a bare event stream does not', async () => {
    const controller = (body: string) => `import { Controller, MessageEvent, Sse } from '@nestjs/common';
import { Observable, interval, map, merge } from 'rxjs';
import { Subject } from 'rxjs';

const events$ = new Subject<MessageEvent>();

@Controller('orders')
export class OrdersEventsController {
  @Sse('events')
  stream(): Observable<MessageEvent> {
${body}
  }
}
`;
    const bare = await findingsFor({
      'package.json': pkg('orders', { '@nestjs/common': '11.0.0', '@nestjs/core': '11.0.0', rxjs: '7.8.1' }),
      'src/orders.controller.ts': controller('    return events$.asObservable();'),
    });
    expect(heartbeat(brief(bare))).toEqual(['sse-no-heartbeat warning src/orders.controller.ts:9']);
    expect(bare.find((f) => f.ruleId === 'sse-no-heartbeat')?.fixes.map((f) => f.variantId)).toEqual(['nestjs']);
    const pinged = await findingsFor({
      'package.json': pkg('orders', { '@nestjs/common': '11.0.0', '@nestjs/core': '11.0.0', rxjs: '7.8.1' }),
      'src/orders.controller.ts': controller("    return merge(events$, interval(15_000).pipe(map(() => ({ type: 'ping', data: '' }))));"),
    });
    expect(heartbeat(brief(pinged))).toEqual([]);
  });

  it('leaves streams that end by themselves alone, but not a ReadableStream closed only on abort', async () => {
    const { findings, kinds } = await evaluateTree({
      'package.json': pkg('assistant', { next: '15.1.0' }),
      'app/api/complete/route.ts': `import type { NextRequest } from 'next/server';
import { streamCompletion } from '../../../lib/llm';

export async function POST(req: NextRequest): Promise<Response> {
  const { prompt } = (await req.json()) as { prompt: string };
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      for await (const token of streamCompletion(prompt)) controller.enqueue(encoder.encode(\`data: \${JSON.stringify({ token })}\\n\\n\`));
      controller.close();
    },
  });
  return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
}
`,
      'app/api/once/route.ts': `export function GET(): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('data: ready\\n\\n'));
      controller.close();
    },
  });
  return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
}
`,
      'app/api/orders/route.ts': `import { orderBus } from '../../../lib/bus';

export function GET(req: Request): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const off = orderBus.subscribe((order) => controller.enqueue(encoder.encode(\`data: \${JSON.stringify(order)}\\n\\n\`)));
      req.signal.addEventListener('abort', () => {
        off();
        controller.close();
      });
    },
  });
  return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
}
`,
    });
    expect(count(kinds, 'sse.endpoint')).toBe(3);
    expect(heartbeat(brief(findings))).toEqual(['sse-no-heartbeat warning app/api/orders/route.ts:14']);
    expect(findings.find((f) => f.ruleId === 'sse-no-heartbeat')?.fixes.map((f) => f.variantId)).toEqual(['nextjs']);
  });
});
