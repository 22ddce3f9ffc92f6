// A bare HTTP request that reads a streaming body until a condition holds, then hangs up: for checking
// headers, heartbeat comments and replay output byte for byte, without an EventSource in between.
import { request } from 'node:http';

export interface RawStreamResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export function readStreamUntil(
  port: number,
  path: string,
  headers: Record<string, string>,
  until: (text: string) => boolean,
  timeoutMs = 5_000,
): Promise<RawStreamResult> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      let text = '';
      const finish = (): void => {
        clearTimeout(timer);
        res.removeAllListeners('data');
        req.destroy();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text });
      };
      const timer = setTimeout(() => {
        req.destroy();
        reject(new Error(`stream did not satisfy the condition within ${timeoutMs} ms; got ${JSON.stringify(text.slice(0, 500))}`));
      }, timeoutMs);
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        if (until(text)) finish();
      });
      res.on('end', () => {
        if (until(text)) finish();
      });
    });
    req.on('error', (error) => reject(error));
    req.end();
  });
}

export interface ParsedSseEvent {
  id: string | undefined;
  event: string | undefined;
  data: string;
}

/** Splits a raw event stream into events (field order within a block does not matter; comments skipped). */
export function parseSseEvents(text: string): ParsedSseEvent[] {
  const events: ParsedSseEvent[] = [];
  for (const block of text.split(/\n\n/)) {
    let id: string | undefined;
    let event: string | undefined;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') id = value;
      else if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0 || event !== undefined) events.push({ id, event, data: data.join('\n') });
  }
  return events;
}
