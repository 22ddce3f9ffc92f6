import { useMutation, useQueryClient } from '@tanstack/vue-query';
import { api, TODOS_KEY, type Todo } from '../api';

export function useTodoToggle() {
  const client = useQueryClient();
  const { mutate, isPending } = useMutation({
    mutationFn: api.toggle,
    onMutate: async (id: number) => {
      await client.cancelQueries({ queryKey: TODOS_KEY });
      client.setQueriesData<Todo[]>({ queryKey: TODOS_KEY }, (list) => list?.map((t) => (t.id === id ? { ...t, done: !t.done } : t)));
    },
    onSettled: () => client.invalidateQueries({ queryKey: TODOS_KEY }),
  });
  return { toggle: mutate, isPending };
}
