import { z } from 'zod';
import { tracked } from '@trpc/server';
import { observable } from '@trpc/server/observable';
import { router, procedure } from '../context.js';
import { hub, announce } from '../presenceHub.js';

export const presenceRouter = router({
  join: procedure.input(z.object({ room: z.string() })).mutation(async ({ input, ctx }) => {
    await announce('joined', input.room, ctx.userId ?? 'guest');
  }),

  onJoin: procedure.input(z.object({ room: z.string() })).subscription(({ input }) =>
    observable<string>((emit) => {
      const onJoined = (p: { room: string; userId: string }) => p.room === input.room && emit.next(p.userId);
      hub.on('joined', onJoined);
      return () => hub.off('joined', onJoined);
    }),
  ),

  onLeave: procedure
    .input(z.object({ room: z.string() }))
    .subscription(async function* ({ input, signal }) {
      let seq = 0;
      const queue: string[] = [];
      const onLeft = (p: { room: string; userId: string }) => { if (p.room === input.room) queue.push(p.userId); };
      hub.addListener('left', onLeft);
      try {
        while (!signal?.aborted) {
          const next = queue.shift();
          if (next) yield tracked(String(++seq), next);
          else await new Promise((r) => setTimeout(r, 250));
        }
      } finally {
        hub.removeListener('left', onLeft);
      }
    }),
});
