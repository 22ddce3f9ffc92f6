import { createMutation, useQueryClient } from '@tanstack/svelte-query';

export interface Habit { id: string; name: string; streak: number; doneToday: boolean }
const key = ['habits'];

export function checkInMutation() {
  const client = useQueryClient();
  return createMutation({
    mutationFn: (id: string) => fetch(`/api/habits/${id}/check-in`, { method: 'POST' }),
    onMutate: async (id) => {
      await client.cancelQueries({ queryKey: key });
      const before = client.getQueryData<Habit[]>(key);
      client.setQueryData<Habit[]>(key, (list = []) =>
        list.map((h) => (h.id === id ? { ...h, doneToday: true, streak: h.streak + 1 } : h)),
      );
      return { before };
    },
    onError: (_e, _id, ctx) => client.setQueryData(key, ctx?.before),
  });
}

export function archiveMutation() {
  const client = useQueryClient();
  return createMutation({
    mutationFn: (id: string) => fetch(`/api/habits/${id}`, { method: 'DELETE' }),
    onSettled: () => client.invalidateQueries({ queryKey: key }),
  });
}
