// The proxy blocks on their own: against a bare upstream that does NOT send X-Accel-Buffering (so only
// the proxy configuration decides), the generated NGINX and Caddy blocks deliver the first event at once,
// while NGINX with a bare `proxy_pass` location holds it back — the control showing the check can fail.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sseProxyScaffold } from '../../../src/core/scaffolds/realtime/index';
import { generateWith } from '../harness/index';
import { hasBinary, startCaddy, startNginx, type RunningProxy } from './support/proxies';
import { openProbe } from './support/sseProbe';

let upstream: Server;
let upstreamPort: number;

beforeAll(async () => {
  upstream = createServer((req, res) => {
    if (req.url !== '/events') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    res.write('retry: 200\n\n');
    setTimeout(() => res.write('id: 1\ndata: first\n\n'), 50);
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', () => resolve()));
  upstreamPort = (upstream.address() as AddressInfo).port;
});

afterAll(async () => {
  upstream.closeAllConnections();
  await new Promise<void>((resolve) => upstream.close(() => resolve()));
});

async function firstEventDelay(proxy: RunningProxy, budgetMs: number): Promise<number | undefined> {
  const probe = openProbe(`http://127.0.0.1:${proxy.port}/events`);
  const started = Date.now();
  try {
    const [event] = await probe.waitForEvents(1, budgetMs);
    expect(probe.source.readyState).toBe(probe.source.OPEN);
    return event!.at - started;
  } catch {
    return undefined;
  } finally {
    probe.close();
    await proxy.stop();
  }
}

const generated = (variant: 'nginx' | 'caddy'): string =>
  generateWith(sseProxyScaffold, variant, { route: '/events', upstream: `127.0.0.1:${upstreamPort}`, readTimeout: '10m' }).files[0]!.content;

describe.skipIf(!hasBinary('nginx'))('NGINX', () => {
  it('streams the first event at once with the generated location block', async () => {
    const delay = await firstEventDelay(await startNginx(generated('nginx')), 2_000);
    expect(delay).toBeDefined();
    expect(delay!).toBeLessThan(1_000);
  });

  it('control: a bare proxy_pass location holds the event back', async () => {
    const delay = await firstEventDelay(await startNginx(`location /events { proxy_pass http://127.0.0.1:${upstreamPort}; }`), 1_500);
    expect(delay).toBeUndefined();
  });
});

describe.skipIf(!hasBinary('caddy'))('Caddy', () => {
  it('streams the first event at once with the generated reverse_proxy block', async () => {
    const delay = await firstEventDelay(await startCaddy(generated('caddy')), 2_000);
    expect(delay).toBeDefined();
    expect(delay!).toBeLessThan(1_000);
  });
});
