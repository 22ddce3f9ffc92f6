import { useState } from 'react';
import { trpc } from './trpc';

export function Board({ boardId }: { boardId: string }) {
  const [moves, setMoves] = useState<string[]>([]);
  trpc.card.onMoved.useSubscription({ boardId }, {
    onData: (card) => setMoves((m) => [...m, `${card.title} → ${card.column}`]),
  });
  const move = trpc.card.move.useMutation();
  return (
    <div>
      <button onClick={() => move.mutate({ id: 'c1', column: 'done' })}>finish c1</button>
      <ol>{moves.map((m, i) => <li key={i}>{m}</li>)}</ol>
    </div>
  );
}
