import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import type { AppRouter } from '../../api/src/server';

const BASE = 'http://localhost:2022/trpc';

export const client = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (op) => op.type === 'subscription',
      true: httpSubscriptionLink({ url: BASE }),
      false: httpBatchLink({ url: BASE }),
    }),
  ],
});

export function follow(symbols: string[]) {
  return client.quotes.live.subscribe(symbols, { onData: (q) => console.log(q.symbol, q.price.toFixed(2)) });
}
