import { mutationOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';

export const renameDealOptions = (qc: QueryClient) =>
  mutationOptions({
    mutationKey: ['deal', 'rename'],
    mutationFn: (input: { id: string; title: string }) =>
      fetch(`/api/deals/${input.id}`, { method: 'PATCH', body: JSON.stringify(input) }),
    onMutate: async (input) => {
      qc.setQueryData(['deal', input.id], (old: { title: string } | undefined) => (old ? { ...old, title: input.title } : old));
    },
  });

export function useCloseDeal() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => fetch(`/api/deals/${id}/close`, { method: 'POST' }),
    onSuccess: (_data, id) => {
      qc.setQueryData(['deal', id], (old: object | undefined) => ({ ...old, closed: true }));
    },
  });
}
