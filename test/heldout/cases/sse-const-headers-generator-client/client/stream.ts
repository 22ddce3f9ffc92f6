export interface SseEvent {
  event: string;
  data: string;
}

const COMPLETE_URL = '/v1/complete';

export async function* readEvents(url: string, signal?: AbortSignal): AsyncGenerator<SseEvent> {
  const res = await fetch(url, { headers: { accept: 'text/event-stream' }, signal });
  if (!res.ok || !res.body) throw new Error(`stream failed: ${res.status}`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      let event = 'message';
      let data = '';
      for (const line of frame.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data += line.slice(5).trim();
      }
      yield { event, data };
    }
  }
}

export async function complete(prompt: string): Promise<string> {
  let text = '';
  for await (const e of readEvents(`${COMPLETE_URL}?q=${encodeURIComponent(prompt)}`)) {
    if (e.event === 'token') text += JSON.parse(e.data) as string;
  }
  return text;
}

export async function health(): Promise<boolean> {
  const res = await fetch('/v1/health');
  return ((await res.json()) as { ok: boolean }).ok;
}
