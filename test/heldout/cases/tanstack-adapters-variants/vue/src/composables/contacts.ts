import { useMutation, useQueryClient } from '@tanstack/vue-query';
import { ref } from 'vue';

interface Contact {
  id: string;
  name: string;
  starred: boolean;
}

const contactsKey = ['contacts'] as const;

export function useStarContact() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => fetch(`/api/contacts/${id}/star`, { method: 'POST' }),
    async onMutate(id) {
      await qc.cancelQueries({ queryKey: contactsKey });
      const snapshot = qc.getQueriesData<Contact[]>({ queryKey: contactsKey });
      qc.setQueriesData<Contact[]>({ queryKey: contactsKey }, (list) =>
        list?.map((c) => (c.id === id ? { ...c, starred: true } : c)),
      );
      return { snapshot };
    },
    onError(_e, _id, ctx) {
      ctx?.snapshot.forEach(([key, data]) => qc.setQueryData(key, data));
    },
  });
}

export function useImportContacts() {
  const progress = ref(0);
  const errors = ref<string[]>([]);
  const mutation = useMutation({
    mutationFn: (file: File) => fetch('/api/contacts/import', { method: 'POST', body: file }),
    onMutate: () => {
      progress.value = 0;
      errors.value = [];
    },
  });
  return { ...mutation, progress, errors };
}
