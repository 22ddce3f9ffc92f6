import { createMutation } from '@tanstack/svelte-query';

export const archiveContact = () =>
  createMutation({
    mutationKey: ['archive'],
    mutationFn: (id: string) => fetch(`/api/contacts/${id}`, { method: 'DELETE' }),
  });
