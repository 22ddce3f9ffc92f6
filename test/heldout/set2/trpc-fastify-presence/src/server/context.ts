import { initTRPC } from '@trpc/server';
import type { CreateFastifyContextOptions } from '@trpc/server/adapters/fastify';

export function createContext({ req }: CreateFastifyContextOptions) {
  return { userId: req.headers['x-user-id'] as string | undefined };
}

const t = initTRPC.context<typeof createContext>().create();
export const router = t.router;
export const procedure = t.procedure;
