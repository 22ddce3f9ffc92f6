import { useMutation } from '@tanstack/vue-query';

export function useCloseTicket() {
  return useMutation({ mutationFn: (id: string) => fetch(`/api/tickets/${id}/close`, { method: 'POST' }) });
}
