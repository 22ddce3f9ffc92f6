import { describe, expect, it } from 'vitest';
import { brief, count, evaluateTree, findingsFor, pkg } from './ruleTree';

const only = (lines: string[]) => lines.filter((l) => l.startsWith('unguarded-invalidation'));

const hook = (settle: string) => `import { useMutation, useQueryClient } from '@tanstack/react-query';
import { renameTodo, type Todo } from '../api';

export function useRenameTodo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['todos', 'rename'],
    mutationFn: renameTodo,
    onMutate: async ({ id, title }: { id: string; title: string }) => {
      await queryClient.cancelQueries({ queryKey: ['todos'] });
      const previous = queryClient.getQueryData<Todo[]>(['todos']);
      queryClient.setQueryData<Todo[]>(['todos'], (old) => old?.map((t) => (t.id === id ? { ...t, title } : t)));
      return { previous };
    },
    onError: (_err, _vars, context) => queryClient.setQueryData(['todos'], context?.previous),
${settle}
  });
}
`;

describe('rule unguarded-invalidation', () => {
  it('flags an optimistic mutation that invalidates in onSettled without isMutating, at the invalidate call', async () => {
    const findings = await findingsFor({
      'package.json': pkg('web', { '@tanstack/react-query': '5.64.2', react: '19.0.0' }),
      'src/hooks/useRenameTodo.ts': hook(`    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['todos'] });
    },`),
    });
    expect(only(brief(findings))).toEqual(['unguarded-invalidation warning src/hooks/useRenameTodo.ts:17']);
    const f = findings[0];
    expect(f?.message).toBe(
      "Optimistic mutation `useRenameTodo` invalidates `['todos']` in `onSettled` without a `queryClient.isMutating()` guard: when mutations overlap, the refetch overwrites the other mutation's optimistic state.",
    );
    expect(f).toMatchObject({ line: 17, column: 24, endLine: 17, endColumn: 66 });
    expect(f?.fixes).toEqual([{ title: expect.any(String), scaffoldId: 'optimistic-mutation', variantId: 'react' }]);
  });

  it('reads method-shorthand onSuccess handlers too', async () => {
    const findings = await findingsFor({
      'package.json': pkg('web', { '@tanstack/react-query': '5.64.2' }),
      'src/hooks/useRenameTodo.ts': hook(`    async onSuccess() {
      await queryClient.invalidateQueries({ queryKey: ['todos'] });
    },`),
    });
    expect(only(brief(findings))).toEqual(['unguarded-invalidation warning src/hooks/useRenameTodo.ts:17']);
    expect(findings[0]?.message).toContain('in `onSuccess`');
  });

  it('stays quiet with an isMutating guard, a handler defined elsewhere, or a plain (non-optimistic) mutation', async () => {
    const { findings, kinds } = await evaluateTree({
      'package.json': pkg('web', { '@tanstack/react-query': '5.64.2' }),
      'src/hooks/guarded.ts': hook(`    onSettled: () => {
      if (queryClient.isMutating({ mutationKey: ['todos'] }) === 1) {
        void queryClient.invalidateQueries({ queryKey: ['todos'] });
      }
    },`),
      'src/hooks/byReference.ts': hook('    onSettled: refreshTodos,').replace('export function', 'declare const refreshTodos: () => void;\nexport function'),
      'src/hooks/plain.ts': `import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createTodo } from '../api';

export function useCreateTodo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTodo,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['todos'] }),
  });
}
`,
    });
    expect(count(kinds, 'mutation.optimistic')).toBe(2);
    expect(count(kinds, 'mutation.plain')).toBe(1);
    expect(only(brief(findings))).toEqual([]);
  });
});
