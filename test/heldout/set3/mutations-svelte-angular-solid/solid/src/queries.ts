import { createMutation, useQueryClient } from '@tanstack/solid-query';

const reorderOptions = {
  mutationKey: ['habits', 'reorder'],
  mutationFn: (ids: string[]) => fetch('/api/habits/order', { method: 'PUT', body: JSON.stringify(ids) }),
};

export function useReorder() {
  const qc = useQueryClient();
  return createMutation(() => ({
    ...reorderOptions,
    onMutate: (ids: string[]) => {
      qc.setQueriesData<{ id: string }[]>({ queryKey: ['habits'] }, (old) =>
        old ? ids.map((id) => old.find((h) => h.id === id)!).filter(Boolean) : old,
      );
    },
  }));
}

export function useResetStreaks() {
  const qc = useQueryClient();
  let resetting = false;
  return createMutation(() => ({
    mutationFn: () => fetch('/api/habits/streaks', { method: 'DELETE' }),
    onMutate: () => {
      resetting = true;
    },
    onSettled: () => {
      resetting = false;
      return qc.invalidateQueries({ queryKey: ['habits'] });
    },
  }));
}
