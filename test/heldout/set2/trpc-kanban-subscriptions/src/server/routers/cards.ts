import { z } from 'zod';
import { observable } from '@trpc/server/observable';
import { router, publicProcedure, boardEvents, on } from '../trpc';

type Card = { id: string; boardId: string; title: string; column: string };
const cards = new Map<string, Card>();

export const cardRouter = router({
  move: publicProcedure
    .input(z.object({ id: z.string(), column: z.string() }))
    .mutation(({ input }) => {
      const card = cards.get(input.id);
      if (!card) throw new Error('not found');
      card.column = input.column;
      boardEvents.emit('card:moved', card);
      return card;
    }),

  onMoved: publicProcedure
    .input(z.object({ boardId: z.string() }))
    .subscription(async function* ({ input, signal }) {
      for await (const [card] of on(boardEvents, 'card:moved', { signal })) {
        if ((card as Card).boardId === input.boardId) yield card as Card;
      }
    }),

  onComment: publicProcedure.subscription(() =>
    observable<{ cardId: string; text: string }>((emit) => {
      const handler = (c: { cardId: string; text: string }) => emit.next(c);
      boardEvents.on('card:comment', handler);
      return () => boardEvents.off('card:comment', handler);
    }),
  ),
});
