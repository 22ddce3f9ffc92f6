import { EventEmitter, on } from 'node:events';
import { z } from 'zod';
import { observable } from '@trpc/server/observable';
import { procedure, router } from '../trpc';

interface Bid {
  lotId: string;
  amount: number;
  bidder: string;
}

const bids = new EventEmitter();
const BID_PLACED = 'bid:placed';

export const auctionRouter = router({
  placeBid: procedure
    .input(z.object({ lotId: z.string(), amount: z.number().positive(), bidder: z.string() }))
    .mutation(({ input }) => {
      bids.emit(BID_PLACED, input satisfies Bid);
      return { accepted: true };
    }),

  bidStream: procedure.input(z.object({ lotId: z.string() })).subscription(async function* ({ input, signal }) {
    for await (const [bid] of on(bids, BID_PLACED, { signal })) {
      if ((bid as Bid).lotId === input.lotId) yield bid as Bid;
    }
  }),

  countdown: procedure
    .input(z.number().int().min(1))
    .subscription(({ input }) =>
      observable<number>((emit) => {
        let left = input;
        const timer = setInterval(() => {
          emit.next(--left);
          if (left <= 0) emit.complete();
        }, 1000);
        return () => clearInterval(timer);
      }),
    ),
});
