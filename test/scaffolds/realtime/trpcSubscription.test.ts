// Proof of the tRPC v11 subscription scaffold: the generated client (httpSubscriptionLink over a real
// EventSource) receives events from the generated standalone server, resumes from lastEventId, survives
// a dropped connection without gaps or duplicates, and the server drops its listener on unsubscribe.
import { EventSource } from 'eventsource';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trpcSubscriptionScaffold } from '../../../src/core/scaffolds/realtime/index';
import { generateWith, sleep, waitFor, type TempProject } from '../harness/index';
import { createProject, expectTypecheck, under } from './support/projects';

interface Change {
  entity: string;
  id: string;
}
interface Running {
  port: number;
  publish(payload: Change): number;
  subscribers(): number;
  dropConnections(): void;
  close(): Promise<void>;
}
interface Runner {
  start(): Promise<Running>;
}
interface GeneratedClient {
  createApiClient(url: string, EventSourceImpl?: unknown): unknown;
  watchChanges(client: unknown, onChange: (id: string, payload: Change) => void, lastEventId?: string | null): () => void;
}

const runnerSource = `import type { AddressInfo } from 'node:net';
import { publishChange, subscriberCount } from '../app/src/trpc/router.js';
import { createApiServer } from '../app/src/trpc/server.js';

export async function start() {
  const server = createApiServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    publish: publishChange,
    subscribers: subscriberCount,
    dropConnections: () => server.closeAllConnections(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
`;

let project: TempProject;
let server: Running;
let generated: GeneratedClient;

beforeAll(async () => {
  project = createProject('rt-trpc', 'browser');
  project.write(under('app', generateWith(trpcSubscriptionScaffold, 'standalone', { procedure: 'onChange', pingMs: '1000' }).files));
  project.write([{ path: 'runners/trpc.ts', content: runnerSource }]);
  await expectTypecheck(project);
  // The client bundle imports only the router's type, so server and client run as separate programs would.
  server = await (await project.importModule<Runner>('runners/trpc.ts')).start();
  generated = await project.importModule<GeneratedClient>('app/src/trpc/client.ts');
});

afterAll(async () => {
  await server?.close();
  project?.remove();
});

function collect() {
  const received: { id: string; payload: Change }[] = [];
  return { received, onChange: (id: string, payload: Change) => received.push({ id, payload }) };
}

describe('tRPC subscription over httpSubscriptionLink', () => {
  it('delivers events, survives a dropped connection without gaps or duplicates, and releases the server listener', async () => {
    const api = generated.createApiClient(`http://127.0.0.1:${server.port}`, EventSource);
    const sink = collect();
    const stop = generated.watchChanges(api, sink.onChange);
    try {
      await waitFor(() => server.subscribers(), (n) => n === 1, { message: 'subscription never reached the server' });
      const first = server.publish({ entity: 'order', id: 'a' });
      const second = server.publish({ entity: 'order', id: 'b' });
      await waitFor(() => sink.received, (r) => r.length === 2, { message: 'events not received' });
      expect(sink.received).toEqual([
        { id: String(first), payload: { entity: 'order', id: 'a' } },
        { id: String(second), payload: { entity: 'order', id: 'b' } },
      ]);

      // Connection cut: EventSource reconnects with Last-Event-ID, which tRPC turns into lastEventId.
      server.dropConnections();
      const third = server.publish({ entity: 'order', id: 'c' });
      await waitFor(() => sink.received, (r) => r.length === 3, { timeoutMs: 8_000, message: 'missed event not replayed after the drop' });
      await waitFor(() => server.subscribers(), (n) => n === 1);
      const fourth = server.publish({ entity: 'order', id: 'd' });
      await waitFor(() => sink.received, (r) => r.length === 4);
      await sleep(100);
      expect(sink.received.map((r) => r.id)).toEqual([first, second, third, fourth].map(String));
    } finally {
      stop();
    }
    await waitFor(() => server.subscribers(), (n) => n === 0, { message: 'server kept the listener of a closed subscription' });
  });

  it('resumes from an explicit lastEventId and rejects a malformed one', async () => {
    const before = server.publish({ entity: 'invoice', id: '1' });
    const missedA = server.publish({ entity: 'invoice', id: '2' });
    const missedB = server.publish({ entity: 'invoice', id: '3' });
    const api = generated.createApiClient(`http://127.0.0.1:${server.port}`, EventSource);
    const sink = collect();
    const stop = generated.watchChanges(api, sink.onChange, String(before));
    try {
      await waitFor(() => sink.received, (r) => r.length === 2, { message: 'replay after lastEventId missing' });
      expect(sink.received.map((r) => r.id)).toEqual([String(missedA), String(missedB)]);
    } finally {
      stop();
    }

    const errors: unknown[] = [];
    const originalError = console.error;
    console.error = (...args: unknown[]) => errors.push(args[1]);
    const bad = collect();
    const stopBad = generated.watchChanges(api, bad.onChange, 'not-a-number');
    try {
      await waitFor(() => errors, (e) => e.length > 0, { message: 'malformed lastEventId was accepted' });
      expect(String(errors[0])).toMatch(/lastEventId/);
      expect(bad.received).toEqual([]);
    } finally {
      stopBad();
      console.error = originalError;
    }
    await waitFor(() => server.subscribers(), (n) => n === 0);
  });
});
