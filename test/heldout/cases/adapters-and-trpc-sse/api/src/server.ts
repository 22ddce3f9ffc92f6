import { initTRPC } from '@trpc/server';
import { createHTTPServer } from '@trpc/server/adapters/standalone';
import { z } from 'zod';

const t = initTRPC.create({ sse: { maxDurationMs: 5 * 60_000 } });

const quotesRouter = t.router({
  latest: t.procedure.input(z.string()).query(({ input }) => ({ symbol: input, price: 100 })),
  live: t.procedure.input(z.array(z.string())).subscription(async function* ({ input, signal }) {
    while (!signal?.aborted) {
      for (const symbol of input) yield { symbol, price: 100 + Math.random() };
      await new Promise((r) => setTimeout(r, 500));
    }
  }),
});

export const appRouter = t.router({ quotes: quotesRouter });
export type AppRouter = typeof appRouter;

createHTTPServer({ router: appRouter, basePath: '/trpc/' }).listen(2022);
