import { useState } from 'react';
import { createTRPCReact } from '@trpc/react-query';
import type { AnyRouter } from '@trpc/server';

const trpc = createTRPCReact<AnyRouter>() as any;

export function PresenceBadge({ roomId }: { roomId: string }) {
  const [count, setCount] = useState(0);
  trpc.presence.onChange.useSubscription({ roomId }, { onData: (n: number) => setCount(n) });
  return <span className="badge">{count}</span>;
}

export function useRoomEvents(client: any, roomId: string, onEvent: (e: unknown) => void) {
  const sub = client.room.onEvent.subscribe({ roomId }, { onData: onEvent });
  window.addEventListener('beforeunload', () => sub.unsubscribe());
  return sub;
}
