import { createTRPCClient, createWSClient, wsLink } from '@trpc/client';
import type { AppRouter } from '../server/main';

const wsClient = createWSClient({ url: 'ws://localhost:4000/trpc', lazy: { enabled: true, closeMs: 10_000 } });
export const client = createTRPCClient<AppRouter>({ links: [wsLink({ client: wsClient })] });

export function watchRoom(room: string, onJoin: (u: string) => void) {
  return client.presence.onJoin.subscribe({ room }, { onData: onJoin });
}
