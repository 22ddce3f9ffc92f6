import { z } from 'zod';
import { on } from 'node:events';
import { observable } from '@trpc/server/observable';
import { auctionEvents, publicProcedure, router, type Bid } from '../trpc';

const bids = new Map<string, Bid[]>();

export const lotRouter = router({
  placeBid: publicProcedure
    .input(z.object({ lotId: z.string(), bidder: z.string(), amount: z.number().positive() }))
    .mutation(({ input }) => {
      const list = bids.get(input.lotId) ?? [];
      list.push(input);
      bids.set(input.lotId, list);
      auctionEvents.emit('bid', input);
      return { accepted: true };
    }),

  onBid: publicProcedure.input(z.object({ lotId: z.string() })).subscription(async function* ({ input, signal }) {
    for await (const [bid] of on(auctionEvents, 'bid', { signal })) {
      if ((bid as Bid).lotId === input.lotId) yield bid as Bid;
    }
  }),

  onClose: publicProcedure
    .input(z.object({ lotId: z.string() }))
    .subscription(({ input }) =>
      observable<{ lotId: string; winner: string | null }>((emit) => {
        const handler = (e: { lotId: string; winner: string | null }) => {
          if (e.lotId === input.lotId) emit.next(e);
        };
        auctionEvents.on('closed', handler);
        return () => auctionEvents.off('closed', handler);
      }),
    ),

  closeLot: publicProcedure.input(z.object({ lotId: z.string() })).mutation(({ input }) => {
    const top = (bids.get(input.lotId) ?? []).sort((a, b) => b.amount - a.amount)[0];
    auctionEvents.emit('closed', { lotId: input.lotId, winner: top?.bidder ?? null });
  }),
});
