import { initTRPC } from '@trpc/server';
import { EventEmitter } from 'node:events';

export interface Bid { lotId: string; bidder: string; amount: number }

class AuctionEvents extends EventEmitter {}
export const auctionEvents = new AuctionEvents();

const t = initTRPC.create();
export const router = t.router;
export const publicProcedure = t.procedure;
