import { createTRPCProxyClient, httpBatchLink } from '@trpc/client';
import { createTRPCReact } from '@trpc/react-query';
import type { AppRouter } from './routerTypes';

export const trpc = createTRPCReact<AppRouter>();
export const vanilla = createTRPCProxyClient<AppRouter>({ links: [httpBatchLink({ url: '/trpc' })] });

export function watchNote(id: string, onData: (n: unknown) => void) {
  return vanilla.note.onChange.subscribe({ id }, { onData, onError: console.error });
}
