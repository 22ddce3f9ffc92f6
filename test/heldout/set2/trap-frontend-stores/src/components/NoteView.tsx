import { useEffect, useSyncExternalStore } from 'react';
import { gql, useSubscription as useApolloSubscription } from '@apollo/client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { trpc, watchNote } from '../lib/trpc';
import { useNotes, bus, emitLocal } from '../state/store';

const COMMENT_ADDED = gql`
  subscription OnCommentAdded($noteId: ID!) { commentAdded(noteId: $noteId) { id body } }
`;

function subscribeOnline(cb: () => void) {
  window.addEventListener('online', cb);
  window.addEventListener('offline', cb);
  return () => {
    window.removeEventListener('online', cb);
    window.removeEventListener('offline', cb);
  };
}

export function NoteView({ id }: { id: string }) {
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine);
  const select = useNotes((s) => s.select);
  const qc = useQueryClient();
  trpc.note.onChange.useSubscription({ id }, { onData: () => qc.invalidateQueries({ queryKey: ['note', id] }) });
  const { data } = useApolloSubscription(COMMENT_ADDED, { variables: { noteId: id } });

  const archive = useMutation({
    mutationFn: () => fetch(`/api/notes/${id}/archive`, { method: 'POST' }),
    onMutate: () => select(null),
    onSuccess: () => emitLocal('note:archived', id),
  });

  useEffect(() => {
    const sub = watchNote(id, () => undefined);
    const onArchived = (e: Event) => console.debug('archived', (e as CustomEvent).detail);
    bus.addEventListener('note:archived', onArchived);
    window.parent.postMessage({ type: 'note-open', id }, '*');
    return () => {
      sub.unsubscribe();
      bus.removeEventListener('note:archived', onArchived);
    };
  }, [id]);

  return (
    <article data-online={online}>
      {data?.commentAdded?.body}
      <button onClick={() => archive.mutate()}>Archive</button>
    </article>
  );
}
