import { fetchEventSource } from '@microsoft/fetch-event-source';

export function followFeed(onStatus: (s: unknown) => void, signal: AbortSignal) {
  return fetchEventSource('/feed', {
    signal,
    openWhenHidden: true,
    onmessage: (ev) => onStatus(JSON.parse(ev.data)),
  });
}

export async function followRaw(onStatus: (s: unknown) => void) {
  const res = await fetch('/feed', { headers: { Accept: 'text/event-stream' } });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    const frames = buffer.split('\n\n');
    buffer = frames.pop() ?? '';
    for (const frame of frames) {
      const line = frame.split('\n').find((l) => l.startsWith('data:'));
      if (line) onStatus(JSON.parse(line.slice(5)));
    }
  }
}
