import { initTRPC, tracked } from '@trpc/server';
import { z } from 'zod';
import { buildBus, type BuildStatus } from './bus';

const t = initTRPC.create();

export const appRouter = t.router({
  statusChanged: t.procedure
    .input(z.object({ lastEventId: z.string().nullish() }).optional())
    .subscription(async function* ({ signal }) {
      for await (const [status] of buildBus.stream(signal)) {
        yield tracked((status as BuildStatus).id, status as BuildStatus);
      }
    }),
  report: t.procedure.input(z.object({ id: z.string(), state: z.enum(['queued', 'running', 'passed', 'failed']) })).mutation(({ input }) => {
    buildBus.publishStatus(input);
  }),
});
export type AppRouter = typeof appRouter;
