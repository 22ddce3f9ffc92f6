import { initTRPC } from '@trpc/server';
import { EventEmitter, on } from 'node:events';

export const t = initTRPC.create();
export const router = t.router;
export const publicProcedure = t.procedure;

export const boardEvents = new EventEmitter();
export { on };
