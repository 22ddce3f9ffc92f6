import { createTRPCReact } from '@trpc/react-query';
import { createWSClient, httpBatchLink, httpSubscriptionLink, splitLink, wsLink } from '@trpc/client';
import type { AppRouter } from '../server';

export const trpc = createTRPCReact<AppRouter>();

const useSse = import.meta.env.VITE_TRANSPORT === 'sse';

const wsClient = useSse ? null : createWSClient({ url: 'ws://localhost:3011' });

export const trpcClient = trpc.createClient({
  links: [
    splitLink({
      condition: (op) => op.type === 'subscription',
      true: wsClient ? wsLink({ client: wsClient }) : httpSubscriptionLink({ url: '/api/trpc' }),
      false: httpBatchLink({ url: '/api/trpc' }),
    }),
  ],
});
