// Proof of the optimistic-mutation scaffold with @tanstack/query-core (QueryClient, QueryObserver,
// MutationObserver — what every TanStack adapter runs on) against a real HTTP backend.
import { MutationObserver, QueryClient, QueryObserver, type MutationOptions, type QueryKey } from '@tanstack/query-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { optimisticMutationScaffold } from '../../../src/core/scaffolds/realtime/index';
import { generateWith, sleep, waitFor, type TempProject } from '../harness/index';
import { createProject, expectTypecheck, under } from './support/projects';
import { startTodoServer, type Todo, type TodoServer } from './support/todoServer';

interface Variables {
  id: string;
  patch: Partial<Omit<Todo, 'id'>>;
}
interface GeneratedMutations {
  listKey: QueryKey;
  fetchList(baseUrl?: string): Promise<Todo[]>;
  updateMutationOptions(queryClient: QueryClient, baseUrl?: string): MutationOptions<Todo, Error, Variables, unknown>;
}

const INITIAL: Todo[] = [
  { id: '1', title: 'write proof', done: false },
  { id: '2', title: 'review proof', done: false },
  { id: '3', title: 'ship', done: false },
];

let project: TempProject;
let generated: GeneratedMutations;
let backend: TodoServer;
let queryClient: QueryClient;
let stopObserving: () => void;

beforeAll(async () => {
  project = createProject('rt-optimistic', 'browser');
  project.write(under('core', generateWith(optimisticMutationScaffold, 'query-core', { entity: 'Todo', queryKey: 'todos', endpoint: '/api/todos' }).files));
  project.write(under('react', generateWith(optimisticMutationScaffold, 'react', { entity: 'Todo', queryKey: 'todos', endpoint: '/api/todos' }).files));
  await expectTypecheck(project);
  generated = await project.importModule<GeneratedMutations>('core/src/queries/todosMutations.ts');
});

afterAll(() => project?.remove());

beforeEach(async () => {
  backend = await startTodoServer(INITIAL);
  queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  // An active observer, as a mounted component would be: invalidation refetches it.
  const observer = new QueryObserver(queryClient, { queryKey: generated.listKey, queryFn: () => generated.fetchList(backend.baseUrl) });
  stopObserving = observer.subscribe(() => undefined);
  await waitFor(() => queryClient.getQueryData<Todo[]>(generated.listKey), (data) => data !== undefined, { message: 'initial list never loaded' });
});

afterEach(async () => {
  stopObserving();
  queryClient.clear();
  await backend.close();
});

const cached = (): Todo[] => queryClient.getQueryData<Todo[]>(generated.listKey) ?? [];
const item = (id: string): Todo | undefined => cached().find((t) => t.id === id);

/** Mutation 1 succeeds slowly, mutation 2 fails fast while 1 is still in flight. */
async function runConcurrentMutations(options: MutationOptions<Todo, Error, Variables, unknown>) {
  // Wide gaps between the answers so the ordering holds on a loaded machine.
  backend.behaviour.set('1', { delayMs: 600, fail: false });
  backend.behaviour.set('2', { delayMs: 200, fail: true });
  // Every state item 1 passes through in the cache, as a rendering component would see it.
  const itemOneStates: (boolean | undefined)[] = [item('1')?.done];
  const unsubscribe = queryClient.getQueryCache().subscribe(() => {
    const done = item('1')?.done;
    if (itemOneStates.at(-1) !== done) itemOneStates.push(done);
  });
  const succeeding = new MutationObserver(queryClient, options).mutate({ id: '1', patch: { done: true } });
  const failing = new MutationObserver(queryClient, options)
    .mutate({ id: '2', patch: { title: 'renamed', done: true } })
    .then(
      () => undefined,
      (error: unknown) => error,
    );
  // Both optimistic changes show before any server answer.
  await waitFor(() => [item('1')?.done, item('2')?.title], ([done, title]) => done === true && title === 'renamed', {
    timeoutMs: 150,
    intervalMs: 2,
    message: 'optimistic state not applied',
  });
  const error = await failing;
  const afterFailure = { one: item('1'), two: item('2'), fetches: backend.listFetches };
  await succeeding;
  await waitFor(() => queryClient.isFetching(), (n) => n === 0);
  unsubscribe();
  return { error, afterFailure, itemOneStates };
}

describe('optimistic mutation (query-core)', () => {
  it('rolls back only the failed mutation, keeps the other one optimistic, and refetches exactly once at the end', async () => {
    expect(backend.listFetches).toBe(1);
    const { error, afterFailure, itemOneStates } = await runConcurrentMutations(generated.updateMutationOptions(queryClient, backend.baseUrl));
    // Item 1 went optimistic once and never flickered back while its mutation was in flight.
    expect(itemOneStates).toEqual([false, true]);

    expect(error).toBeInstanceOf(Error);
    expect(String(error)).toMatch(/500/);
    // The failed change is undone; the in-flight one keeps its optimistic state; no refetch has run yet.
    expect(afterFailure.two).toEqual(INITIAL[1]);
    expect(afterFailure.one?.done).toBe(true);
    expect(afterFailure.fetches).toBe(1);

    await waitFor(() => backend.listFetches, (n) => n === 2, { message: 'the last settled mutation did not refetch' });
    await sleep(200);
    expect(backend.listFetches).toBe(2);
    await waitFor(() => queryClient.isFetching(), (n) => n === 0);
    expect(cached()).toEqual(backend.todos);
    expect(backend.todos).toEqual([{ ...INITIAL[0]!, done: true }, INITIAL[1], INITIAL[2]]);
  });

  it('rolls back a lone failed mutation and refetches once', async () => {
    backend.behaviour.set('3', { delayMs: 30, fail: true });
    const outcome = await new MutationObserver(queryClient, generated.updateMutationOptions(queryClient, backend.baseUrl))
      .mutate({ id: '3', patch: { done: true } })
      .then(() => 'resolved', () => 'rejected');
    expect(outcome).toBe('rejected');
    expect(item('3')).toEqual(INITIAL[2]);
    await waitFor(() => backend.listFetches, (n) => n === 2);
    expect(cached()).toEqual(backend.todos);
  });

  it('control: the same mutation without the isMutating guard refetches twice and clobbers the in-flight optimistic state', async () => {
    const guarded = generated.updateMutationOptions(queryClient, backend.baseUrl);
    const unguarded: MutationOptions<Todo, Error, Variables, unknown> = {
      ...guarded,
      onSettled: () => queryClient.invalidateQueries({ queryKey: generated.listKey }),
    };
    const { itemOneStates } = await runConcurrentMutations(unguarded);
    await waitFor(() => backend.listFetches, (n) => n === 3, { message: 'expected one refetch per settled mutation' });
    // The failed mutation's refetch loaded the server's not-yet-updated item 1 over its optimistic state:
    // the flicker the guard prevents (true → false → true).
    expect(itemOneStates).toEqual([false, true, false, true]);
  });
});
