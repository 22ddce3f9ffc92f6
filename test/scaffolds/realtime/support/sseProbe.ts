// A real EventSource (the `eventsource` package, spec-compliant, over fetch) that records what a browser
// would see: events with their ids and arrival times, and every connection attempt with the
// Last-Event-ID it sent and the response headers it got.
import { EventSource } from 'eventsource';
import { waitFor } from '../../harness/index';

export interface ReceivedEvent {
  id: string;
  type: string;
  data: string;
  at: number;
}

export interface ConnectionAttempt {
  lastEventId: string | undefined;
  status: number;
  headers: Record<string, string>;
}

export interface SseProbe {
  source: EventSource;
  events: ReceivedEvent[];
  attempts: ConnectionAttempt[];
  opens: number;
  waitForEvents(count: number, timeoutMs?: number): Promise<ReceivedEvent[]>;
  close(): void;
}

export function openProbe(url: string, eventTypes: readonly string[] = ['message']): SseProbe {
  const events: ReceivedEvent[] = [];
  const attempts: ConnectionAttempt[] = [];
  const source = new EventSource(url, {
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      attempts.push({
        lastEventId: init.headers['Last-Event-ID'],
        status: response.status,
        headers: Object.fromEntries(response.headers.entries()),
      });
      return response;
    },
  });
  const probe: SseProbe = {
    source,
    events,
    attempts,
    opens: 0,
    waitForEvents: (count, timeoutMs = 5_000) =>
      waitFor(() => events, (list) => list.length >= count, { timeoutMs, intervalMs: 5, message: `expected ${count} SSE events` }),
    close: () => source.close(),
  };
  source.addEventListener('open', () => {
    probe.opens += 1;
  });
  for (const type of eventTypes) {
    source.addEventListener(type, (event) => {
      events.push({ id: event.lastEventId, type: event.type, data: String(event.data), at: Date.now() });
    });
  }
  return probe;
}
