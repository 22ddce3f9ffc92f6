// SSE client scaffold: an EventSource that keeps TanStack Query caches fresh by invalidating the queries
// an event touches (principle `sse-default`, applied to `optimistic-updates`' "escalate to server push").
import type { Scaffold, ScaffoldParameter, ScaffoldVariant } from '../types';
import { findVariant, PATTERNS, resolveParams } from '../params';
import { renderFile, type Slot, type Template } from '../template';

const parameters: ScaffoldParameter[] = [
  { name: 'url', label: 'Stream URL path', default: '/events', pattern: PATTERNS.urlPath },
  { name: 'eventName', label: 'Event that changes the data', default: 'message', pattern: PATTERNS.eventName },
  { name: 'queryKey', label: 'Root query key to invalidate', default: 'orders', pattern: PATTERNS.eventName },
];

const variants: ScaffoldVariant[] = [
  { id: 'query-core', label: 'Framework-free (@tanstack/query-core)', dependencies: ['@tanstack/query-core'] },
  { id: 'react', label: 'React hook (@tanstack/react-query)', prefers: ['@tanstack/react-query', 'react'], dependencies: ['@tanstack/react-query', 'react'] },
];

const connectSource = (slot: Slot): string => `/** The part of EventSource used here; the browser's and the \`eventsource\` package's both fit. */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
}

/**
 * Which queries an event makes stale, given its parsed payload. After a reconnect that could not resume,
 * every route is called with \`undefined\` to refetch all it may have missed.
 */
export type InvalidationRoutes = Record<string, (payload: unknown) => readonly QueryKey[]>;

export const defaultRoutes: InvalidationRoutes = {
  '${slot('eventName')}': () => [['${slot('queryKey')}']],
};

export interface StreamOptions {
  routes?: InvalidationRoutes;
  /** Defaults to the global EventSource (browsers); in Node, return one from the \`eventsource\` package. */
  createEventSource?: (url: string) => EventSourceLike;
  /** Reconnect delay bounds when the browser gives up (readyState CLOSED, e.g. after an HTTP 5xx). */
  minRetryMs?: number;
  maxRetryMs?: number;
  onStatus?: (status: 'open' | 'retrying' | 'closed') => void;
}

const CLOSED = 2;

function parsePayload(event: MessageEvent): unknown {
  try {
    return typeof event.data === 'string' ? (JSON.parse(event.data) as unknown) : undefined;
  } catch {
    return event.data;
  }
}

/**
 * Opens the stream and invalidates queries as events arrive. EventSource reconnects by itself and sends
 * Last-Event-ID, so the server replays what was missed; when it gives up for good we open a new one
 * after a backoff and refetch every routed query, because a new EventSource cannot resume.
 * Returns the function that closes the stream for good.
 */
export function connectQueryInvalidation(queryClient: QueryClient, url = '${slot('url')}', options: StreamOptions = {}): () => void {
  const routes = options.routes ?? defaultRoutes;
  const create = options.createEventSource ?? ((target: string) => new EventSource(target));
  const minRetryMs = options.minRetryMs ?? 500;
  const maxRetryMs = options.maxRetryMs ?? 30_000;
  let source: EventSourceLike | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let stopped = false;
  let needsRefetch = false;

  const invalidateRouted = (): void => {
    for (const keysOf of Object.values(routes)) {
      for (const queryKey of keysOf(undefined)) void queryClient.invalidateQueries({ queryKey });
    }
  };

  const open = (): void => {
    const current = create(url);
    source = current;
    current.addEventListener('open', () => {
      attempt = 0;
      options.onStatus?.('open');
      if (needsRefetch) {
        needsRefetch = false;
        invalidateRouted();
      }
    });
    for (const [eventName, keysOf] of Object.entries(routes)) {
      current.addEventListener(eventName, (event) => {
        for (const queryKey of keysOf(parsePayload(event))) void queryClient.invalidateQueries({ queryKey });
      });
    }
    // The server could not replay (unknown or evicted Last-Event-ID): everything may be stale.
    current.addEventListener('resync', () => void queryClient.invalidateQueries());
    current.addEventListener('error', () => {
      if (stopped || current.readyState !== CLOSED) return; // CONNECTING: the browser retries itself.
      current.close();
      needsRefetch = true;
      const delay = Math.min(maxRetryMs, minRetryMs * 2 ** attempt) * (0.5 + Math.random() / 2);
      attempt += 1;
      options.onStatus?.('retrying');
      retryTimer = setTimeout(open, delay);
    });
  };

  open();
  return () => {
    stopped = true;
    if (retryTimer !== undefined) clearTimeout(retryTimer);
    source?.close();
    options.onStatus?.('closed');
  };
}
`;

const queryCoreTemplate: Template = (slot) => `// Keeps TanStack Query caches fresh from a Server-Sent Events stream (framework-free).
import type { QueryClient, QueryKey } from '@tanstack/query-core';

${connectSource(slot)}`;

const reactTemplate: Template = (slot) => `// Keeps TanStack Query caches fresh from a Server-Sent Events stream: \`useEventStreamInvalidation()\`
// once near the root of the app, inside QueryClientProvider.
import { useEffect, useRef } from 'react';
import { useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';

${connectSource(slot)}
export function useEventStreamInvalidation(url = '${slot('url')}', options: StreamOptions = {}): void {
  const queryClient = useQueryClient();
  // Options usually arrive as a fresh object each render; reconnecting for that would drop events.
  const optionsRef = useRef(options);
  optionsRef.current = options;
  useEffect(() => connectQueryInvalidation(queryClient, url, optionsRef.current), [queryClient, url]);
}
`;

export const sseClientScaffold: Scaffold = {
  id: 'sse-query-invalidation',
  title: 'SSE client with reconnection and TanStack Query invalidation',
  principle: 'sse-default',
  description:
    'An EventSource client that invalidates the TanStack Query keys each event touches, refetches everything on a server "resync", and reconnects with backoff (refetching) when the browser gives up.',
  variants,
  parameters,
  snippetPrefix: 'ea-sse-client',
  generate(variantId, params) {
    const variant = findVariant({ id: 'sse-query-invalidation', variants }, variantId);
    const values = resolveParams(parameters, params);
    const file =
      variant.id === 'react'
        ? renderFile('src/realtime/useEventStreamInvalidation.ts', 'typescript', reactTemplate, values)
        : renderFile('src/realtime/eventStreamInvalidation.ts', 'typescript', queryCoreTemplate, values);
    return {
      files: [file],
      notes: [`npm install ${variant.dependencies.join(' ')}`, 'Needs an SSE endpoint that sends ids and a "resync" event (scaffold "SSE endpoint").'],
    };
  },
};
