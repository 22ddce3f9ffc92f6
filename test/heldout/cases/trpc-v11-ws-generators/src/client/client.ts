import { createTRPCClient, createWSClient, wsLink } from '@trpc/client';
import type { AppRouter } from '../server/routers';

const WS_URL = 'ws://localhost:4001';

export const wsClient = createWSClient({ url: WS_URL, retryDelayMs: (attempt) => Math.min(1000 * 2 ** attempt, 30_000) });
export const trpc = createTRPCClient<AppRouter>({ links: [wsLink({ client: wsClient })] });

export function watchLot(lotId: string) {
  return trpc.auction.bidStream.subscribe({ lotId }, { onData: (bid) => console.log(bid) });
}
