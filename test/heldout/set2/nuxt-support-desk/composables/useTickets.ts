import { useMutation, useQueryClient } from '@tanstack/vue-query';

export function useCloseTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => $fetch(`/api/tickets/${id}/close`, { method: 'POST' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['tickets'] }),
  });
}

export function useEscalate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => $fetch(`/api/tickets/${id}/escalate`, { method: 'POST' }),
    onMutate: (id) => {
      queryClient.setQueryData(['tickets'], (old: { _id: string; priority: string }[] | undefined) =>
        old?.map((t) => (t._id === id ? { ...t, priority: 'urgent' } : t)),
      );
    },
  });
}
