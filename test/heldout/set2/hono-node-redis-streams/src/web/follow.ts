import { fetchEventSource } from '@microsoft/fetch-event-source';

export function followDeploy(deployId: string, onLine: (line: string) => void, ctrl: AbortController) {
  return fetchEventSource(`/deploys/${deployId}/log/stream`, {
    signal: ctrl.signal,
    openWhenHidden: true,
    onmessage: (ev) => onLine(ev.data),
    onerror: (err) => {
      console.warn('log stream error', err);
    },
  });
}

export async function tailRaw(deployId: string, onLine: (line: string) => void): Promise<void> {
  const res = await fetch(`/deploys/${deployId}/log/stream`, { headers: { Accept: 'text/event-stream' } });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    const frames = buffer.split('\n\n');
    buffer = frames.pop() ?? '';
    for (const frame of frames) {
      const data = frame.split('\n').find((l) => l.startsWith('data: '));
      if (data) onLine(data.slice(6));
    }
  }
}
