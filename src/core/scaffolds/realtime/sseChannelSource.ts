// The framework-neutral part of every SSE endpoint variant: a broadcast channel with monotonically
// increasing ids, a bounded replay buffer for `Last-Event-ID` resume, one shared heartbeat timer and
// sink removal on disconnect. Each variant embeds it so the generated file stands alone.
import type { Slot } from '../template';

export const sseHeadersSource = `/** Headers every proxy and browser needs to treat the response as an unbuffered, uncached stream. */
export const SSE_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  Connection: 'keep-alive',
  // NGINX honours this per response even where \`proxy_buffering\` was left on.
  'X-Accel-Buffering': 'no',
} as const;
`;

export function sseChannelSource(slot: Slot): string {
  return `export interface SseEvent {
  id: number;
  event: string;
  /** Already serialized (JSON); may contain newlines, which are split into several \`data:\` lines. */
  data: string;
}

/** Where a connected client's bytes go; each framework adapts its response object to this. */
export interface SseSink {
  send(event: SseEvent): void;
  comment(text: string): void;
}

/** Wire format of one event. Every line of the payload gets its own \`data:\` prefix. */
export function formatSseEvent(event: SseEvent): string {
  const data = event.data
    .split(/\\r\\n|\\r|\\n/)
    .map((line) => \`data: \${line}\\n\`)
    .join('');
  return \`id: \${event.id}\\nevent: \${event.event}\\n\${data}\\n\`;
}

/** Adapter for frameworks that hand us a raw writable response. */
export function textSink(write: (chunk: string) => void): SseSink {
  return {
    send: (event) => write(formatSseEvent(event)),
    comment: (text) => write(\`: \${text}\\n\\n\`),
  };
}

export class SseChannel {
  private nextId = 1;
  private readonly buffer: SseEvent[] = [];
  private readonly sinks = new Set<SseSink>();
  private heartbeat: ReturnType<typeof setInterval> | undefined;

  constructor(
    /** How many past events a reconnecting client can recover. */
    private readonly replaySize = ${slot('replaySize')},
    /** Comment lines keep proxies and load balancers from closing an idle stream. */
    private readonly heartbeatMs = ${slot('heartbeatMs')},
  ) {}

  get clientCount(): number {
    return this.sinks.size;
  }

  publish(payload: unknown, event = '${slot('eventName')}'): SseEvent {
    const message: SseEvent = { id: this.nextId++, event, data: JSON.stringify(payload) ?? 'null' };
    this.buffer.push(message);
    if (this.buffer.length > this.replaySize) this.buffer.shift();
    for (const sink of this.sinks) this.deliver(sink, () => sink.send(message));
    return message;
  }

  /**
   * Registers a client and replays what it missed since \`lastEventId\` (the \`Last-Event-ID\` header the
   * browser sends on reconnect). Returns the function to call when the connection closes.
   */
  subscribe(sink: SseSink, lastEventId?: string | null): () => void {
    this.replay(sink, lastEventId);
    this.sinks.add(sink);
    this.startHeartbeat();
    return () => {
      this.sinks.delete(sink);
      if (this.sinks.size === 0) this.stopHeartbeat();
    };
  }

  private replay(sink: SseSink, lastEventId: string | null | undefined): void {
    if (lastEventId === undefined || lastEventId === null || lastEventId === '') return;
    const lastId = Number(lastEventId);
    const oldest = this.buffer[0];
    const gap = oldest !== undefined && lastId < oldest.id - 1;
    if (!Number.isInteger(lastId) || lastId < 0 || lastId >= this.nextId || gap) {
      // The id is unknown (server restarted) or already evicted: tell the client to refetch everything
      // instead of silently skipping events.
      sink.send({ id: this.nextId - 1, event: 'resync', data: '{}' });
      return;
    }
    for (const message of this.buffer) {
      if (message.id > lastId) sink.send(message);
    }
  }

  /** A write to a half-closed socket must drop that client, not break the broadcast for the others. */
  private deliver(sink: SseSink, write: () => void): void {
    try {
      write();
    } catch {
      this.sinks.delete(sink);
      if (this.sinks.size === 0) this.stopHeartbeat();
    }
  }

  private startHeartbeat(): void {
    if (this.heartbeat !== undefined) return;
    this.heartbeat = setInterval(() => {
      for (const sink of this.sinks) this.deliver(sink, () => sink.comment('ping'));
    }, this.heartbeatMs);
    // The timer alone must not keep the process alive during shutdown.
    this.heartbeat.unref?.();
  }

  private stopHeartbeat(): void {
    if (this.heartbeat === undefined) return;
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }
}
`;
}
