// The React variants run as components would use them: hooks rendered inside QueryClientProvider
// (@testing-library/react on a jsdom document), against the same real backends as the query-core proofs.
// The file stays in the node environment because the harness bundles with esbuild, which refuses to run
// under vitest's jsdom environment; a document is installed by hand once the bundles are built.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { EventSource } from 'eventsource';
import { JSDOM } from 'jsdom';
import { createElement, type ReactNode } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optimisticMutationScaffold, sseClientScaffold, sseEndpointScaffold } from '../../../src/core/scaffolds/realtime/index';
import { generateWith, waitFor, type TempProject } from '../harness/index';
import { createProject, expectTypecheck, under } from './support/projects';
import { sseRunnerFiles, type SseRunnerModule } from './support/sseRunners';
import { startTodoServer, type Todo } from './support/todoServer';

interface MutationResult {
  mutate(variables: { id: string; patch: Partial<Omit<Todo, 'id'>> }): void;
  isError: boolean;
  isSuccess: boolean;
}
interface GeneratedHooks {
  useTodoList(baseUrl?: string): { data: Todo[] | undefined };
  useUpdateTodo(baseUrl?: string): MutationResult;
}
interface GeneratedStreamHook {
  useEventStreamInvalidation(url?: string, options?: { createEventSource?: (url: string) => EventSource }): void;
}

let project: TempProject;
let rtl: typeof import('@testing-library/react');
let mutationHooks: GeneratedHooks;
let streamHook: GeneratedStreamHook;
let sseRunner: SseRunnerModule;
const installed: string[] = [];

function installDom(): void {
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { url: 'http://localhost/' });
  const globals: Record<string, unknown> = { window: dom.window, document: dom.window.document, IS_REACT_ACT_ENVIRONMENT: true };
  // Node 20 has no navigator global; newer Node versions do and keep theirs.
  if (!('navigator' in globalThis)) globals.navigator = dom.window.navigator;
  for (const [name, value] of Object.entries(globals)) {
    Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
    installed.push(name);
  }
}

beforeAll(async () => {
  project = createProject('rt-react', 'browser');
  project.write(under('mutations', generateWith(optimisticMutationScaffold, 'react', {}).files));
  project.write(under('stream', generateWith(sseClientScaffold, 'react', { eventName: 'order.updated', queryKey: 'orders' }).files));
  project.write(under('node-http', generateWith(sseEndpointScaffold, 'node-http', { retryMs: '150' }).files));
  project.write(sseRunnerFiles(['node-http']));
  await expectTypecheck(project);
  mutationHooks = await project.importModule<GeneratedHooks>('mutations/src/queries/useTodoMutations.ts');
  streamHook = await project.importModule<GeneratedStreamHook>('stream/src/realtime/useEventStreamInvalidation.ts');
  sseRunner = await project.importModule<SseRunnerModule>('runners/node-http.ts');
  installDom();
  // Loaded after the document exists: react-dom decides at load time whether it can use the DOM.
  rtl = await import('@testing-library/react');
});

afterAll(() => {
  rtl?.cleanup();
  for (const name of installed) Reflect.deleteProperty(globalThis, name);
  project?.remove();
});

function wrapperFor(queryClient: QueryClient) {
  return ({ children }: { children: ReactNode }) => createElement(QueryClientProvider, { client: queryClient }, children);
}

describe('React variants', () => {
  it('useUpdateTodo: optimistic change, rollback on a failed PATCH, one refetch, cache equals the server', async () => {
    const hooks = mutationHooks;
    const { act, renderHook, waitFor: waitForHook } = rtl;
    const backend = await startTodoServer([
      { id: '1', title: 'a', done: false },
      { id: '2', title: 'b', done: false },
    ]);
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
    try {
      backend.behaviour.set('1', { delayMs: 700, fail: false });
      backend.behaviour.set('2', { delayMs: 250, fail: true });
      const { result, unmount } = renderHook(
        () => ({ list: hooks.useTodoList(backend.baseUrl), ok: hooks.useUpdateTodo(backend.baseUrl), bad: hooks.useUpdateTodo(backend.baseUrl) }),
        { wrapper: wrapperFor(queryClient) },
      );
      await waitForHook(() => expect(result.current.list.data).toHaveLength(2));
      act(() => {
        result.current.ok.mutate({ id: '1', patch: { done: true } });
        result.current.bad.mutate({ id: '2', patch: { done: true } });
      });
      await waitForHook(() => expect(result.current.list.data?.map((t) => t.done)).toEqual([true, true]), { interval: 5, timeout: 200 });
      await waitForHook(() => expect(result.current.bad.isError).toBe(true));
      expect(result.current.list.data?.map((t) => t.done)).toEqual([true, false]);
      await waitForHook(() => expect(result.current.ok.isSuccess).toBe(true));
      await waitFor(() => backend.listFetches, (n) => n === 2, { message: 'expected exactly one refetch' });
      await waitForHook(() => expect(result.current.list.data).toEqual(backend.todos));
      expect(backend.listFetches).toBe(2);
      unmount();
    } finally {
      queryClient.clear();
      await backend.close();
    }
  });

  it('useEventStreamInvalidation: refetches on events while mounted and disconnects on unmount', async () => {
    const { useEventStreamInvalidation } = streamHook;
    const { renderHook } = rtl;
    const server = await sseRunner.start();
    const queryClient = new QueryClient();
    let fetches = 0;
    try {
      await queryClient.prefetchQuery({ queryKey: ['orders'], queryFn: () => ++fetches });
      const { unmount } = renderHook(
        () => {
          useEventStreamInvalidation(`http://127.0.0.1:${server.port}/events`, { createEventSource: (url) => new EventSource(url) });
        },
        { wrapper: wrapperFor(queryClient) },
      );
      await waitFor(() => server.clientCount(), (n) => n === 1, { message: 'hook did not connect' });
      server.publish({ id: 1 }, 'order.updated');
      await waitFor(() => queryClient.getQueryState(['orders'])?.isInvalidated, (v) => v === true, { message: 'event did not invalidate' });
      unmount();
      await waitFor(() => server.clientCount(), (n) => n === 0, { message: 'unmount left the stream open' });
    } finally {
      queryClient.clear();
      await server.close();
    }
  });
});
