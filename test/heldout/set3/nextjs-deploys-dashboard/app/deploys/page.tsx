'use client';
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useDeploys, usePinDeploy, useRollback } from './useDeploys';

export default function DeploysPage() {
  const { data = [] } = useDeploys();
  const pin = usePinDeploy();
  const rollback = useRollback();
  const [confirming, setConfirming] = useState<string | null>(null);
  const trigger = useMutation({
    mutationFn: (service: string) => fetch('/api/deploys', { method: 'POST', body: JSON.stringify({ service }) }),
    onMutate: () => setConfirming(null),
  });

  return (
    <table>
      <tbody>
        {data.map((d) => (
          <tr key={d.id} onClick={() => setConfirming(d.id)}>
            <td>{d.service}</td>
            <td>{d.status}</td>
            <td><button onClick={() => pin.mutate(d.id)}>pin</button></td>
            <td><button onClick={() => rollback.mutate(d.id)}>rollback</button></td>
            <td><button onClick={() => trigger.mutate(d.service)}>redeploy</button></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
