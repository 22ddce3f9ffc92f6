'use client';
import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useBuilds, usePinBuild, useTriggerBuild } from '@/hooks/useBuilds';

export function BuildFeed() {
  const { data } = useBuilds();
  const trigger = useTriggerBuild();
  const pin = usePinBuild();
  const qc = useQueryClient();
  const [live, setLive] = useState(false);

  useEffect(() => {
    const source = new EventSource('/api/builds/stream');
    source.onopen = () => setLive(true);
    source.onmessage = () => void qc.invalidateQueries({ queryKey: ['builds'] });
    return () => source.close();
  }, [qc]);

  return (
    <section>
      <header>{live ? 'live' : 'connecting'}</header>
      <button onClick={() => trigger.mutate({ repo: 'web', ref: 'main' })}>Build main</button>
      <ul>
        {data?.map((b) => (
          <li key={b.id} onClick={() => pin.mutate(b.id)}>{b.repo}@{b.ref}: {b.status}</li>
        ))}
      </ul>
    </section>
  );
}
