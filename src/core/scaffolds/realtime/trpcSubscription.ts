// tRPC v11 subscription over Server-Sent Events (`httpSubscriptionLink`): typed push without a WebSocket
// server, with `tracked()` ids so a reconnecting client resumes from its last event (principle `sse-default`).
import type { Scaffold, ScaffoldParameter, ScaffoldVariant } from '../types';
import { findVariant, intInRange, PATTERNS, resolveParams } from '../params';
import { renderFile, type Template } from '../template';

const parameters: ScaffoldParameter[] = [
  { name: 'procedure', label: 'Subscription procedure name', default: 'onChange', pattern: PATTERNS.identifier },
  { name: 'replaySize', label: 'Events kept for resume', default: '500', pattern: PATTERNS.positiveInt },
  { name: 'pingMs', label: 'Server ping interval (ms)', default: '10000', pattern: PATTERNS.positiveInt },
];

const variants: ScaffoldVariant[] = [
  {
    id: 'standalone',
    label: 'Router + standalone HTTP server + client',
    prefers: ['@trpc/server'],
    dependencies: ['@trpc/server', '@trpc/client'],
  },
];

const routerTemplate: Template = (slot) => `// tRPC router with a resumable subscription. Publish with \`publishChange(payload)\` from any server code.
import { EventEmitter, on } from 'node:events';
import { initTRPC, tracked } from '@trpc/server';

export interface ChangePayload {
  entity: string;
  id: string;
}

interface StoredEvent {
  seq: number;
  payload: ChangePayload;
}

const t = initTRPC.create({
  sse: {
    // Comments through idle proxies; the client reconnects when it hears nothing for longer.
    ping: { enabled: true, intervalMs: ${slot('pingMs')} },
    client: { reconnectAfterInactivityMs: ${slot('pingMs')} * 2 },
  },
});

const bus = new EventEmitter();
// One listener per open subscription: the default cap of 10 would warn at the 11th client.
bus.setMaxListeners(0);
const history: StoredEvent[] = [];
const replaySize = ${slot('replaySize')};
let seq = 0;

export function publishChange(payload: ChangePayload): number {
  seq += 1;
  history.push({ seq, payload });
  if (history.length > replaySize) history.shift();
  bus.emit('change', { seq, payload } satisfies StoredEvent);
  return seq;
}

/** Open subscriptions; each holds one listener until its client disconnects. */
export function subscriberCount(): number {
  return bus.listenerCount('change');
}

/**
 * Input validation without a schema library. \`lastEventId\` is what httpSubscriptionLink sends back on
 * reconnect (the last tracked id), so it stays a string on the wire; only digits are accepted.
 */
function parseResumeInput(raw: unknown): { lastEventId: string | null } {
  if (raw === undefined || raw === null) return { lastEventId: null };
  if (typeof raw !== 'object') throw new Error('input must be an object');
  const value = (raw as { lastEventId?: unknown }).lastEventId;
  if (value === undefined || value === null) return { lastEventId: null };
  if (typeof value !== 'string' || !/^[0-9]{1,15}$/.test(value)) throw new Error('lastEventId must be a string of digits');
  return { lastEventId: value };
}

export const appRouter = t.router({
  ${slot('procedure')}: t.procedure.input(parseResumeInput).subscription(async function* ({ input, signal }) {
    // Listen before replaying so nothing published in between is lost; seq filters the overlap.
    const live = on(bus, 'change', { signal });
    let lastSent = Number(input.lastEventId ?? 0);
    for (const event of history) {
      if (event.seq > lastSent) {
        lastSent = event.seq;
        yield tracked(String(event.seq), event.payload);
      }
    }
    try {
      for await (const args of live) {
        const [event] = args as [StoredEvent];
        if (event.seq <= lastSent) continue;
        lastSent = event.seq;
        // tracked() sends the id; httpSubscriptionLink passes it back as lastEventId on reconnect.
        yield tracked(String(event.seq), event.payload);
      }
    } catch (error) {
      // The iterator throws AbortError when the client disconnects: that is the normal end.
      if (!signal?.aborted) throw error;
    }
  }),
});

export type AppRouter = typeof appRouter;
`;

const serverTemplate: Template = () => `// Serves the router over HTTP; subscriptions answer as text/event-stream.
import { createHTTPServer } from '@trpc/server/adapters/standalone';
import { appRouter } from './router.js';

export function createApiServer() {
  return createHTTPServer({ router: appRouter });
}
`;

const clientTemplate: Template = (slot) => `// Typed client: subscriptions over Server-Sent Events, queries and mutations batched over HTTP.
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import type { AppRouter } from './router.js';

/** Browsers have EventSource; Node < 22 passes the \`eventsource\` package's class. */
export function createApiClient(url: string, EventSourceImpl?: typeof EventSource) {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({ url, ...(EventSourceImpl ? { EventSource: EventSourceImpl } : {}) }),
        false: httpBatchLink({ url }),
      }),
    ],
  });
}

/** Listens for changes; tRPC reconnects and resumes from the last tracked id by itself. */
export function watchChanges(
  client: ReturnType<typeof createApiClient>,
  onChange: (id: string, payload: { entity: string; id: string }) => void,
  lastEventId: string | null = null,
): () => void {
  const subscription = client.${slot('procedure')}.subscribe(
    { lastEventId },
    {
      onData: (event) => onChange(event.id, event.data),
      onError: (error) => console.error('subscription failed', error),
    },
  );
  return () => subscription.unsubscribe();
}
`;

export const trpcSubscriptionScaffold: Scaffold = {
  id: 'trpc-sse-subscription',
  title: 'tRPC v11 subscription over SSE (httpSubscriptionLink)',
  principle: 'sse-default',
  description:
    'A tRPC v11 subscription procedure yielding tracked() events with a replay buffer, served over HTTP as Server-Sent Events, and a client using splitLink + httpSubscriptionLink that resumes from lastEventId.',
  variants,
  parameters,
  generate(variantId, params) {
    const variant = findVariant({ id: 'trpc-sse-subscription', variants }, variantId);
    const values = resolveParams(parameters, params);
    intInRange(values, 'replaySize', 1, 100_000);
    intInRange(values, 'pingMs', 1000, 300_000);
    return {
      files: [
        renderFile('src/trpc/router.ts', 'typescript', routerTemplate, values),
        renderFile('src/trpc/server.ts', 'typescript', serverTemplate, values),
        renderFile('src/trpc/client.ts', 'typescript', clientTemplate, values),
      ],
      notes: [`npm install ${variant.dependencies.join(' ')}`, 'Node < 22 clients: npm install eventsource and pass its EventSource class.'],
    };
  },
};
