// TanStack Query optimistic update with rollback and concurrency-safe invalidation
// (principle `optimistic-updates`).
import type { Scaffold, ScaffoldParameter, ScaffoldVariant } from '../types';
import { findVariant, PATTERNS, resolveParams } from '../params';
import { renderFile, type Slot, type Template } from '../template';

const parameters: ScaffoldParameter[] = [
  { name: 'entity', label: 'Entity type name', default: 'Todo', pattern: PATTERNS.typeName },
  { name: 'queryKey', label: 'List query key', default: 'todos', pattern: PATTERNS.identifier },
  { name: 'endpoint', label: 'REST collection path', default: '/api/todos', pattern: PATTERNS.urlPath },
];

const variants: ScaffoldVariant[] = [
  { id: 'query-core', label: 'Mutation options (@tanstack/query-core, any framework)', dependencies: ['@tanstack/query-core'] },
  { id: 'react', label: 'React hook (@tanstack/react-query)', prefers: ['@tanstack/react-query', 'react'], dependencies: ['@tanstack/react-query', 'react'] },
];

const optionsSource = (slot: Slot): string => `export interface ${slot('entity')} {
  id: string;
  title: string;
  done: boolean;
}

export type ${slot('entity')}Patch = Partial<Omit<${slot('entity')}, 'id'>>;

export interface Update${slot('entity')}Variables {
  id: string;
  patch: ${slot('entity')}Patch;
}

/** What onMutate remembers to undo this mutation alone. */
export interface RollbackContext {
  before: ${slot('entity')} | undefined;
}

export const listKey = ['${slot('queryKey')}'] as const;
const updateKey = [...listKey, 'update'] as const;

export async function fetchList(baseUrl = ''): Promise<${slot('entity')}[]> {
  const response = await fetch(\`\${baseUrl}${slot('endpoint')}\`);
  if (!response.ok) throw new Error(\`GET ${slot('endpoint')} failed: \${response.status}\`);
  return (await response.json()) as ${slot('entity')}[];
}

export async function patchItem(baseUrl: string, { id, patch }: Update${slot('entity')}Variables): Promise<${slot('entity')}> {
  const response = await fetch(\`\${baseUrl}${slot('endpoint')}/\${encodeURIComponent(id)}\`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(patch),
  });
  if (!response.ok) throw new Error(\`PATCH ${slot('endpoint')}/\${id} failed: \${response.status}\`);
  return (await response.json()) as ${slot('entity')};
}

export function updateMutationOptions(
  queryClient: QueryClient,
  baseUrl = '',
): MutationOptions<${slot('entity')}, Error, Update${slot('entity')}Variables, RollbackContext> {
  return {
    mutationKey: updateKey,
    mutationFn: (variables) => patchItem(baseUrl, variables),
    async onMutate({ id, patch }) {
      // An in-flight refetch would land after the optimistic write and overwrite it.
      await queryClient.cancelQueries({ queryKey: listKey });
      const before = queryClient.getQueryData<${slot('entity')}[]>(listKey)?.find((item) => item.id === id);
      queryClient.setQueryData<${slot('entity')}[]>(listKey, (list) =>
        list?.map((item) => (item.id === id ? { ...item, ...patch } : item)),
      );
      return { before };
    },
    onError(_error, { id, patch }, context) {
      const before = context?.before;
      if (!before) return;
      // Undo only the fields this mutation changed: restoring a whole-list snapshot would also erase
      // the optimistic state of other mutations still in flight.
      const undo: ${slot('entity')}Patch = {};
      for (const field of Object.keys(patch) as (keyof ${slot('entity')}Patch)[]) {
        Object.assign(undo, { [field]: before[field] });
      }
      queryClient.setQueryData<${slot('entity')}[]>(listKey, (list) =>
        list?.map((item) => (item.id === id ? { ...item, ...undo } : item)),
      );
    },
    onSettled() {
      // This mutation still counts while its onSettled runs: 1 means it is the last one in flight.
      // Refetching earlier would overwrite the optimistic state of the others with stale data.
      if (queryClient.isMutating({ mutationKey: updateKey }) === 1) {
        return queryClient.invalidateQueries({ queryKey: listKey });
      }
      return undefined;
    },
  };
}
`;

const queryCoreTemplate: Template = (slot) => `// Optimistic update for a ${slot('entity')} list with per-mutation rollback and guarded invalidation.
// Use with \`new MutationObserver(queryClient, updateMutationOptions(queryClient))\` or any TanStack adapter.
import type { MutationOptions, QueryClient } from '@tanstack/query-core';

${optionsSource(slot)}`;

const reactTemplate: Template = (slot) => `// Optimistic update for a ${slot('entity')} list with per-mutation rollback and guarded invalidation.
import { useMutation, useQuery, useQueryClient, type MutationOptions, type QueryClient } from '@tanstack/react-query';

${optionsSource(slot)}
export function use${slot('entity')}List(baseUrl = '') {
  return useQuery({ queryKey: listKey, queryFn: () => fetchList(baseUrl) });
}

export function useUpdate${slot('entity')}(baseUrl = '') {
  const queryClient = useQueryClient();
  return useMutation(updateMutationOptions(queryClient, baseUrl));
}
`;

export const optimisticMutationScaffold: Scaffold = {
  id: 'optimistic-mutation',
  title: 'TanStack Query optimistic mutation',
  principle: 'optimistic-updates',
  description:
    'onMutate cancels the list query, snapshots the item and applies the change; onError rolls back only that change; onSettled invalidates once, when no other mutation of the same key is in flight (queryClient.isMutating).',
  variants,
  parameters,
  snippetPrefix: 'ea-optimistic-mutation',
  generate(variantId, params) {
    const variant = findVariant({ id: 'optimistic-mutation', variants }, variantId);
    const values = resolveParams(parameters, params);
    const file =
      variant.id === 'react'
        ? renderFile(`src/queries/use${values.entity ?? 'Item'}Mutations.ts`, 'typescript', reactTemplate, values)
        : renderFile(`src/queries/${values.queryKey ?? 'items'}Mutations.ts`, 'typescript', queryCoreTemplate, values);
    return { files: [file], notes: [`npm install ${variant.dependencies.join(' ')}`] };
  },
};
