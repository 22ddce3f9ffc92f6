import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/rules/index';
import { brief, count, evaluateTree, pkg } from './ruleTree';

const rule = (findings: Finding[]): Finding[] => findings.filter((f) => f.ruleId === 'optimistic-no-rollback');

const hook = (options: string) => `import { useMutation, useQueryClient } from '@tanstack/react-query';
import { renameTodo, type Todo } from './api';

export function useRenameTodo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: renameTodo,
${options}
  });
}
`;

const files = (options: string) => ({
  'package.json': pkg('web', { '@tanstack/react-query': '5.62.0', react: '19.0.0' }),
  'src/useRenameTodo.ts': hook(options),
  'src/api.ts': `export interface Todo { id: string; title: string }
export async function renameTodo(_t: Todo): Promise<void> {}
`,
});

describe('rule optimistic-no-rollback', () => {
  it('flags an optimistic update with neither cancelQueries nor a rollback', async () => {
    const { findings, kinds } = await evaluateTree(
      files(`    onMutate: async (todo: Todo) => {
      queryClient.setQueryData<Todo[]>(['todos'], (old) => old?.map((t) => (t.id === todo.id ? todo : t)));
    },`),
    );
    expect(count(kinds, 'mutation.optimistic')).toBe(1);
    expect(brief(rule(findings))).toEqual(['optimistic-no-rollback warning src/useRenameTodo.ts:8']);
    const message = rule(findings)[0] && (rule(findings)[0] as { message: string }).message;
    expect(message).toContain('does not `cancelQueries`');
    expect(message).toContain('has no rollback in `onError`');
  });

  it('flags a missing cancelQueries even with a rollback', async () => {
    const { findings } = await evaluateTree(
      files(`    onMutate: async (todo: Todo) => {
      const previous = queryClient.getQueryData<Todo[]>(['todos']);
      queryClient.setQueryData<Todo[]>(['todos'], (old) => old?.map((t) => (t.id === todo.id ? todo : t)));
      return { previous };
    },
    onError: (_e, _t, context) => queryClient.setQueryData(['todos'], context?.previous),`),
    );
    expect(brief(rule(findings))).toEqual(['optimistic-no-rollback warning src/useRenameTodo.ts:8']);
    expect((rule(findings)[0] as { message: string }).message).not.toContain('rollback');
  });

  it('stays quiet with cancelQueries and an onError rollback, or cancel plus onSettled invalidation', async () => {
    for (const options of [
      `    onMutate: async (todo: Todo) => {
      await queryClient.cancelQueries({ queryKey: ['todos'] });
      const previous = queryClient.getQueryData<Todo[]>(['todos']);
      queryClient.setQueryData<Todo[]>(['todos'], (old) => old?.map((t) => (t.id === todo.id ? todo : t)));
      return { previous };
    },
    onError: (_e, _t, context) => queryClient.setQueryData(['todos'], context?.previous),`,
      `    onMutate: async (todo: Todo) => {
      await queryClient.cancelQueries({ queryKey: ['todos'] });
      queryClient.setQueryData<Todo[]>(['todos'], (old) => old?.map((t) => (t.id === todo.id ? todo : t)));
    },
    onSettled: () => {
      if (queryClient.isMutating({ mutationKey: ['todos'] }) === 1) return queryClient.invalidateQueries({ queryKey: ['todos'] });
    },`,
    ]) {
      const { findings, kinds } = await evaluateTree(files(options));
      expect(count(kinds, 'mutation.optimistic')).toBe(1);
      expect(brief(findings)).toEqual([]); // no rule at all fires on a negative
    }
  });

  it('stays quiet on a plain mutation (no cache write in onMutate)', async () => {
    const { findings } = await evaluateTree(files(`    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['todos'] }),`));
    expect(brief(findings)).toEqual([]); // no rule at all fires on a negative
  });
});
