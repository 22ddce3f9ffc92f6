import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient, mutationOptions } from '@tanstack/react-query';

type Message = { id: number; to: string; body: string; read: boolean };

const markRead = (qc: ReturnType<typeof useQueryClient>) =>
  mutationOptions({
    mutationKey: ['markRead'],
    mutationFn: (id: number) => fetch(`/api/messages/${id}/read`, { method: 'POST' }),
    onMutate: (id: number) => {
      qc.setQueriesData<Message[]>({ queryKey: ['inbox'] }, (list) =>
        list?.map((m) => (m.id === id ? { ...m, read: true } : m)),
      );
    },
  });

export function Inbox({ user }: { user: string }) {
  const qc = useQueryClient();
  const inbox = useQuery({ queryKey: ['inbox', user], queryFn: () => fetch(`/api/inbox?user=${user}`).then((r) => r.json() as Promise<Message[]>) });
  const read = useMutation(markRead(qc));
  const send = useMutation({
    mutationFn: (body: FormData) => fetch('/api/messages', { method: 'POST', body }),
    onMutate: () => {
      document.querySelector<HTMLFormElement>('#compose')?.reset();
    },
  });

  useEffect(() => {
    const es = new EventSource(`/api/inbox/stream?user=${encodeURIComponent(user)}`);
    es.addEventListener('message', () => qc.invalidateQueries({ queryKey: ['inbox', user] }));
    return () => es.close();
  }, [user, qc]);

  return (
    <form id="compose" onSubmit={(e) => { e.preventDefault(); send.mutate(new FormData(e.currentTarget)); }}>
      {inbox.data?.map((m) => <p key={m.id} onClick={() => read.mutate(m.id)}>{m.body}</p>)}
    </form>
  );
}
