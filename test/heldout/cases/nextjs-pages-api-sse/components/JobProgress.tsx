import { useEffect, useState } from 'react';
import { fetchEventSource } from '@microsoft/fetch-event-source';

export function JobProgress({ jobId }: { jobId: string }) {
  const [pct, setPct] = useState(0);

  useEffect(() => {
    const source = new EventSource(`/api/jobs/${jobId}/progress`);
    source.onmessage = (event) => setPct(JSON.parse(event.data).pct);
    source.addEventListener('error', () => source.close());
    return () => source.close();
  }, [jobId]);

  return <progress value={pct} max={100} />;
}

export function useClock(onTick: (iso: string) => void) {
  useEffect(() => {
    const ctrl = new AbortController();
    void fetchEventSource('/api/clock', {
      signal: ctrl.signal,
      onmessage: (msg) => {
        if (msg.event === 'tick') onTick(msg.data);
      },
    });
    return () => ctrl.abort();
  }, [onTick]);
}
