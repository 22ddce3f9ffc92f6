// Proof of the SSE client scaffold: a real EventSource against the generated node:http SSE endpoint keeps
// a TanStack Query cache fresh — invalidation per event, resync after a server restart, reconnection with
// refetch after the browser gives up (HTTP 503), and no reconnects after close().
import { createServer, type Server } from 'node:http';
import { QueryClient, QueryObserver, type QueryKey } from '@tanstack/query-core';
import { EventSource } from 'eventsource';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sseClientScaffold, sseEndpointScaffold } from '../../../src/core/scaffolds/realtime/index';
import { generateWith, sleep, waitFor, type TempProject } from '../harness/index';
import { createProject, expectTypecheck, under } from './support/projects';
import { sseRunnerFiles, type RunningSse, type SseRunnerModule } from './support/sseRunners';

interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
}
interface GeneratedClient {
  connectQueryInvalidation(
    queryClient: QueryClient,
    url?: string,
    options?: {
      createEventSource?: (url: string) => EventSourceLike;
      minRetryMs?: number;
      maxRetryMs?: number;
      onStatus?: (status: 'open' | 'retrying' | 'closed') => void;
    },
  ): () => void;
}

let project: TempProject;
let client: GeneratedClient;

beforeAll(async () => {
  project = createProject('rt-sse-client', 'browser');
  project.write(under('node-http', generateWith(sseEndpointScaffold, 'node-http', { route: '/events', eventName: 'order.updated', retryMs: '150', heartbeatMs: '1000' }).files));
  project.write(sseRunnerFiles(['node-http']));
  project.write(under('client', generateWith(sseClientScaffold, 'query-core', { url: '/events', eventName: 'order.updated', queryKey: 'orders' }).files));
  project.write(under('react', generateWith(sseClientScaffold, 'react', { url: '/events', eventName: 'order.updated', queryKey: 'orders' }).files));
  await expectTypecheck(project);
  client = await project.importModule<GeneratedClient>('client/src/realtime/eventStreamInvalidation.ts');
});

afterAll(() => project?.remove());

/** A fresh module instance is a fresh server process as far as the channel (ids, buffer) is concerned. */
async function startSse(port = 0): Promise<RunningSse> {
  const runner = await project.importModule<SseRunnerModule>('runners/node-http.ts');
  return runner.start(port);
}

function observe(queryClient: QueryClient, queryKey: QueryKey): { fetches: () => number; stop: () => void } {
  let count = 0;
  const observer = new QueryObserver(queryClient, {
    queryKey,
    queryFn: async () => {
      count += 1;
      return count;
    },
    staleTime: Infinity,
  });
  const stop = observer.subscribe(() => undefined);
  return { fetches: () => count, stop };
}

describe('SSE client with TanStack Query invalidation', () => {
  it('invalidates routed queries per event, resyncs after a restart, reconnects after a 503, and stops on close', async () => {
    let server = await startSse();
    const port = server.port;
    const queryClient = new QueryClient();
    const orders = observe(queryClient, ['orders']);
    const unrelated = observe(queryClient, ['profile']);
    const statuses: string[] = [];
    const connections: string[] = [];
    await waitFor(() => orders.fetches() + unrelated.fetches(), (n) => n === 2);

    const close = client.connectQueryInvalidation(queryClient, `http://127.0.0.1:${port}/events`, {
      createEventSource: (url) => {
        connections.push(url);
        return new EventSource(url);
      },
      minRetryMs: 100,
      maxRetryMs: 400,
      onStatus: (status) => statuses.push(status),
    });
    let stopped = false;
    try {
      await waitFor(() => server.clientCount(), (n) => n === 1, { message: 'client never connected' });

      // A routed event refetches its query only.
      server.publish({ orderId: 7 }, 'order.updated');
      await waitFor(() => orders.fetches(), (n) => n === 2, { message: 'event did not invalidate ["orders"]' });
      server.publish({ ignored: true }, 'unrelated.event');
      await sleep(150);
      expect(orders.fetches()).toBe(2);
      expect(unrelated.fetches()).toBe(1);

      // Restart: the new process does not know the client's Last-Event-ID, answers "resync", and every
      // query (routed or not) is refetched. The browser's own reconnect does this, no new EventSource.
      await server.close();
      server = await startSse(port);
      await waitFor(() => unrelated.fetches(), (n) => n === 2, { timeoutMs: 5_000, message: 'resync did not refetch everything' });
      expect(connections).toHaveLength(1);

      // The server answers 503: EventSource gives up for good (readyState CLOSED); the scaffold opens a
      // new one after a backoff and, once it is back, refetches the routed queries it may have missed.
      await server.close();
      const unavailable: Server = createServer((_req, res) => res.writeHead(503).end());
      await new Promise<void>((resolve) => unavailable.listen(port, '127.0.0.1', () => resolve()));
      await waitFor(() => statuses, (s) => s.filter((x) => x === 'retrying').length >= 2, { timeoutMs: 5_000, message: 'no retries while 503' });
      unavailable.closeAllConnections();
      await new Promise<void>((resolve) => unavailable.close(() => resolve()));
      const ordersBefore = orders.fetches();
      server = await startSse(port);
      await waitFor(() => orders.fetches(), (n) => n > ordersBefore, { timeoutMs: 5_000, message: 'no refetch after reconnecting' });
      expect(connections.length).toBeGreaterThanOrEqual(3);
      expect(statuses.at(-1)).toBe('open');
      server.publish({ orderId: 8 }, 'order.updated');
      await waitFor(() => orders.fetches(), (n) => n === ordersBefore + 2, { message: 'events stopped after reconnect' });

      close();
      stopped = true;
      await waitFor(() => server.clientCount(), (n) => n === 0, { message: 'server kept the closed client' });
      const attempts = connections.length;
      await server.close();
      await sleep(500);
      expect(connections).toHaveLength(attempts);
      expect(statuses.at(-1)).toBe('closed');
    } finally {
      if (!stopped) close();
      orders.stop();
      unrelated.stop();
      await server.close().catch(() => undefined);
    }
  });
});
