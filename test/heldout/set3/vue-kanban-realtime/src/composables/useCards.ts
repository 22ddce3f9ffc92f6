import { onBeforeUnmount } from 'vue';
import { useMutation, useQuery, useQueryClient } from '@tanstack/vue-query';
import { useSocket } from './socket';

export interface Card { id: string; column: string; title: string; position: number }

export function useBoardCards(boardId: string) {
  const qc = useQueryClient();
  const socket = useSocket();
  const onMoved = (card: Card) =>
    qc.setQueryData<Card[]>(['cards', boardId], (old) => old?.map((c) => (c.id === card.id ? card : c)));
  socket.emit('board:join', boardId);
  socket.on('card:moved', onMoved);
  onBeforeUnmount(() => {
    socket.off('card:moved', onMoved);
    socket.emit('board:leave', boardId);
  });
  return useQuery({ queryKey: ['cards', boardId], queryFn: () => fetch(`/api/boards/${boardId}/cards`).then((r) => r.json()) });
}

export function useMoveCard(boardId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (move: { id: string; column: string; position: number }) =>
      fetch(`/api/cards/${move.id}`, { method: 'PATCH', body: JSON.stringify(move) }),
    async onMutate(move) {
      await qc.cancelQueries({ queryKey: ['cards', boardId] });
      const snapshot = qc.getQueryData<Card[]>(['cards', boardId]);
      qc.setQueryData<Card[]>(['cards', boardId], (old = []) =>
        old.map((c) => (c.id === move.id ? { ...c, column: move.column, position: move.position } : c)),
      );
      return { snapshot };
    },
    onError(_err, _move, ctx) {
      if (ctx?.snapshot) qc.setQueryData(['cards', boardId], ctx.snapshot);
    },
  });
}
