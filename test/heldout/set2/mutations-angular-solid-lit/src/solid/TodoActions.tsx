import { createMutation, useQueryClient } from '@tanstack/solid-query';
import { api, TODOS_KEY, type Todo } from '../api';

export function TodoActions(props: { id: number }) {
  const qc = useQueryClient();
  const remove = createMutation(() => ({
    mutationFn: () => api.remove(props.id),
    onMutate: () => {
      const before = qc.getQueryData<Todo[]>(TODOS_KEY);
      qc.setQueryData<Todo[]>(TODOS_KEY, before?.filter((t) => t.id !== props.id));
      return { before };
    },
    onError: (_e, _v, ctx) => qc.setQueryData(TODOS_KEY, ctx?.before),
  }));
  const rename = createMutation(() => ({ mutationFn: (title: string) => api.create(title) }));
  return (
    <div>
      <button onClick={() => remove.mutate()}>delete</button>
      <button onClick={() => rename.mutate('copy')}>duplicate</button>
    </div>
  );
}
