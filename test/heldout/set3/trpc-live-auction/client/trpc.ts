import { createTRPCClient, createWSClient, httpBatchLink, httpSubscriptionLink, splitLink, wsLink } from '@trpc/client';
import type { AppRouter } from '../server/index';

const wsClient = createWSClient({ url: import.meta.env.VITE_TRPC_WS });

export const trpc = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (op) => op.type === 'subscription' && op.path === 'lot.onClose',
      true: wsLink({ client: wsClient }),
      false: splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({ url: '/trpc' }),
        false: httpBatchLink({ url: '/trpc' }),
      }),
    }),
  ],
});

export function watchLot(lotId: string, onBid: (amount: number) => void) {
  return trpc.lot.onBid.subscribe({ lotId }, { onData: (bid) => onBid(bid.amount) });
}
