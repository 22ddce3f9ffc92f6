// Proof of the SSE endpoint scaffold: every variant type-checks with tsc --strict against its real
// framework, then runs on it — directly, through our own NGINX and through our own Caddy, each started
// with the generated proxy block — with a real EventSource client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sseEndpointScaffold, sseProxyScaffold } from '../../../src/core/scaffolds/realtime/index';
import { generateWith, waitFor, type TempProject } from '../harness/index';
import { createProject, expectTypecheck, under } from './support/projects';
import { hasBinary, startCaddy, startNginx, type RunningProxy } from './support/proxies';
import { parseSseEvents, readStreamUntil } from './support/rawHttp';
import { openProbe } from './support/sseProbe';
import { nextRunnerFiles, sseRunnerFiles, type RunningSse, type SseRunnerModule } from './support/sseRunners';

const ROUTE = '/events';
// Small numbers so heartbeats, reconnects and evictions happen within the test's time budget.
const PARAMS = { route: ROUTE, heartbeatMs: '250', replaySize: '3', eventName: 'update', retryMs: '200' };
const NODE_VARIANTS = ['node-http', 'express', 'fastify', 'hono', 'nestjs'] as const;
const ALL_VARIANTS = [...NODE_VARIANTS, 'nextjs'] as const;

let nodeProject: TempProject;
let nextProject: TempProject;
const timings: Record<string, number> = {};

beforeAll(async () => {
  nodeProject = createProject('rt-sse-node', 'nest');
  for (const variant of NODE_VARIANTS) nodeProject.write(under(variant, generateWith(sseEndpointScaffold, variant, PARAMS).files));
  nodeProject.write(sseRunnerFiles(NODE_VARIANTS));

  nextProject = createProject('rt-sse-next', 'next');
  nextProject.write(under('nextjs', generateWith(sseEndpointScaffold, 'nextjs', PARAMS).files));
  nextProject.write(nextRunnerFiles(ROUTE));
  nextProject.write([
    {
      path: 'checks/nextRouteContract.ts',
      // Next.js calls a route handler with a NextRequest and reads these segment options; our exports must fit.
      content: `import type { NextRequest } from 'next/server';
import * as route from '../nextjs/app${ROUTE}/route';

export const handler: (request: NextRequest) => Response | Promise<Response> = route.GET;
export const dynamic: 'auto' | 'force-dynamic' | 'error' | 'force-static' = route.dynamic;
export const runtime: 'nodejs' | 'edge' = route.runtime;
`,
    },
    {
      path: 'checks/nextDirect.ts',
      content: `export { GET } from '../nextjs/app${ROUTE}/route';
export { events } from '../nextjs/lib/realtime/sseChannel';
`,
    },
  ]);
  const [nodeMs, nextMs] = await Promise.all([expectTypecheck(nodeProject), expectTypecheck(nextProject)]);
  timings.typecheckNode = nodeMs;
  timings.typecheckNext = nextMs;
});

afterAll(() => {
  nodeProject?.remove();
  nextProject?.remove();
  console.info('[sse-endpoint] timings ms', timings);
});

async function startVariant(variant: (typeof ALL_VARIANTS)[number]): Promise<RunningSse> {
  const project = variant === 'nextjs' ? nextProject : nodeProject;
  const runner = await project.importModule<SseRunnerModule>(`runners/${variant}.ts`);
  return runner.start();
}

function proxyBlock(variant: 'nginx' | 'caddy', upstreamPort: number): string {
  const output = generateWith(sseProxyScaffold, variant, { route: ROUTE, upstream: `127.0.0.1:${upstreamPort}`, readTimeout: '1h' });
  const file = output.files[0];
  if (!file) throw new Error('proxy scaffold produced no file');
  return file.content;
}

/** Publish → arrival in under a second while the stream stays open; drop → resume; close → released. */
async function proveThroughProxy(server: RunningSse, proxy: RunningProxy): Promise<void> {
  const probe = openProbe(`http://127.0.0.1:${proxy.port}${ROUTE}`, ['update']);
  try {
    await waitFor(() => server.clientCount(), (n) => n === 1, { message: `${proxy.name}: client never reached the server` });
    const first = server.publish({ n: 1 });
    const publishedAt = Date.now();
    const [event] = await probe.waitForEvents(1, 2_000);
    expect(event?.id).toBe(String(first));
    expect(event!.at - publishedAt, `${proxy.name} delayed the first event`).toBeLessThan(1_000);
    // Still open: the event was not released by the end of the response.
    expect(probe.source.readyState).toBe(probe.source.OPEN);
    expect(probe.attempts[0]?.headers['content-type']).toMatch(/^text\/event-stream/);

    const second = server.publish({ n: 2 });
    await probe.waitForEvents(2);

    // The network drops; events published meanwhile must be replayed from Last-Event-ID on reconnect.
    server.dropConnections();
    const third = server.publish({ n: 3 });
    const fourth = server.publish({ n: 4 });
    await probe.waitForEvents(4, 8_000);
    const fifth = server.publish({ n: 5 });
    await probe.waitForEvents(5);
    expect(probe.events.map((e) => e.id)).toEqual([first, second, third, fourth, fifth].map(String));
    expect(probe.events.map((e) => JSON.parse(e.data) as { n: number })).toEqual([1, 2, 3, 4, 5].map((n) => ({ n })));
    expect(probe.attempts.length).toBeGreaterThanOrEqual(2);
    expect(probe.attempts.at(-1)?.lastEventId).toBe(String(second));
  } finally {
    probe.close();
  }
  await waitFor(() => server.clientCount(), (n) => n === 0, { message: `${proxy.name}: server kept the closed client` });
}

describe.each(ALL_VARIANTS)('SSE endpoint (%s)', (variant) => {
  let server: RunningSse;

  beforeAll(async () => {
    server = await startVariant(variant);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers with streaming headers and heartbeat comments, and releases a client that hangs up', async () => {
    const result = await readStreamUntil(server.port, ROUTE, {}, (text) => text.includes(': ping'));
    expect(result.status).toBe(200);
    expect(result.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(String(result.headers['cache-control'])).toMatch(/no-cache/);
    expect(result.headers['x-accel-buffering']).toBe('no');
    await waitFor(() => server.clientCount(), (n) => n === 0, { message: 'client not released after hang-up' });
  });

  it('replays missed events after Last-Event-ID and asks for a resync when the id was evicted or is unknown', async () => {
    const ids = [1, 2, 3, 4].map((n) => server.publish({ replay: n }));
    const [a, b, c, d] = ids.map(String);
    const replay = await readStreamUntil(server.port, ROUTE, { 'Last-Event-ID': b! }, (text) => text.includes(`id: ${d}\n`));
    expect(parseSseEvents(replay.text)).toEqual([
      { id: c, event: 'update', data: '{"replay":3}' },
      { id: d, event: 'update', data: '{"replay":4}' },
    ]);
    // replaySize is 3: event a's successor is gone, so resuming from a cannot be complete.
    const evicted = await readStreamUntil(server.port, ROUTE, { 'Last-Event-ID': String(Number(a) - 1) }, (text) => text.includes('event: resync'));
    expect(parseSseEvents(evicted.text).map((e) => e.event)).toEqual(['resync']);
    const unknown = await readStreamUntil(server.port, ROUTE, { 'Last-Event-ID': '999999' }, (text) => text.includes('event: resync'));
    expect(parseSseEvents(unknown.text).map((e) => e.event)).toEqual(['resync']);
    await waitFor(() => server.clientCount(), (n) => n === 0, { message: 'replay clients not released' });
  });

  it.skipIf(!hasBinary('nginx'))('streams through NGINX with the generated location block', async () => {
    const started = Date.now();
    const proxy = await startNginx(proxyBlock('nginx', server.port));
    try {
      await proveThroughProxy(server, proxy);
    } finally {
      timings[`${variant}/nginx proof`] = Date.now() - started;
      await proxy.stop();
    }
  });

  it.skipIf(!hasBinary('caddy'))('streams through Caddy with the generated reverse_proxy block', async () => {
    const started = Date.now();
    const proxy = await startCaddy(proxyBlock('caddy', server.port));
    try {
      await proveThroughProxy(server, proxy);
    } finally {
      timings[`${variant}/caddy proof`] = Date.now() - started;
      await proxy.stop();
    }
  });
});

describe('SSE endpoint (nextjs) called as Next.js calls it', () => {
  interface NextDirect {
    GET(request: Request): Response;
    events: { publish(payload: unknown, event?: string): { id: number }; readonly clientCount: number };
  }

  async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, done: (text: string) => boolean): Promise<string> {
    const decoder = new TextDecoder();
    let text = '';
    while (!done(text)) {
      const chunk = await reader.read();
      if (chunk.done) throw new Error(`stream ended early after ${JSON.stringify(text)}`);
      text += decoder.decode(chunk.value, { stream: true });
    }
    return text;
  }

  it('returns a streaming Response to a real Request, and aborting or cancelling releases the client', async () => {
    const mod = await nextProject.importModule<NextDirect>('checks/nextDirect.ts');
    const baseline = mod.events.clientCount;
    const aborter = new AbortController();
    const response = mod.GET(new Request(`http://localhost${ROUTE}`, { signal: aborter.signal }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    const reader = response.body!.getReader();
    await readUntil(reader, (text) => text.includes('retry: 200'));
    expect(mod.events.clientCount).toBe(baseline + 1);
    const published = mod.events.publish({ direct: true });
    const text = await readUntil(reader, (t) => t.includes('{"direct":true}'));
    expect(parseSseEvents(text)).toContainEqual({ id: String(published.id), event: 'update', data: '{"direct":true}' });
    aborter.abort();
    expect(mod.events.clientCount).toBe(baseline);
    expect((await reader.read()).done).toBe(true);

    const second = mod.GET(new Request(`http://localhost${ROUTE}`, { headers: { 'Last-Event-ID': String(published.id - 1) } }));
    const secondReader = second.body!.getReader();
    const replayed = await readUntil(secondReader, (t) => t.includes('{"direct":true}'));
    expect(parseSseEvents(replayed).map((e) => e.id)).toEqual([String(published.id)]);
    expect(mod.events.clientCount).toBe(baseline + 1);
    await secondReader.cancel();
    expect(mod.events.clientCount).toBe(baseline);
  });
});
