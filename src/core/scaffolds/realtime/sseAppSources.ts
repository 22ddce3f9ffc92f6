// Templates of the SSE endpoint for frameworks with their own conventions: a Next.js App Router route
// handler (web Request/Response, channel in its own module) and a NestJS controller using `@Sse`.
import { sseChannelSource, sseHeadersSource } from './sseChannelSource';
import type { Template } from '../template';

export const nextChannelTemplate: Template = (slot) => `// The SSE channel of the Next.js route handler, in its own module because a route file may only export
// route fields (GET, dynamic, runtime…). Import \`events\` from server code to publish.
${sseHeadersSource}
${sseChannelSource(slot)}
// Next.js can evaluate a module more than once per process (dev reloads, separate route bundles):
// keep a single channel so every route and server action publishes to the same clients.
const globalForSse = globalThis as typeof globalThis & { __eventArchitectSse?: SseChannel };
export const events: SseChannel = (globalForSse.__eventArchitectSse ??= new SseChannel());
`;

/** `importPath` is relative from the route file to the channel module (derived from the route). */
export const nextRouteTemplate =
  (importPath: string): Template =>
  (slot) => `// Server-Sent Events route handler (Next.js App Router): replay via Last-Event-ID, heartbeats, cleanup.
import { events, SSE_HEADERS, textSink } from '${importPath}';

// A stream must never be prerendered or cached.
export const dynamic = 'force-dynamic';
// The channel lives in this process's memory; the Edge runtime would not share it between requests.
export const runtime = 'nodejs';

export function GET(request: Request): Response {
  const encoder = new TextEncoder();
  let unsubscribe: () => void = () => undefined;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode('retry: ${slot('retryMs')}\\n\\n'));
      unsubscribe = events.subscribe(
        textSink((chunk) => controller.enqueue(encoder.encode(chunk))),
        request.headers.get('last-event-id'),
      );
      // The request signal aborts when the client disconnects: release the client and end the body.
      request.signal.addEventListener(
        'abort',
        () => {
          unsubscribe();
          try {
            controller.close();
          } catch {
            // Already closed by cancel().
          }
        },
        { once: true },
      );
    },
    cancel() {
      unsubscribe();
    },
  });
  return new Response(body, { headers: SSE_HEADERS });
}
`;

export const nestTemplate: Template = (slot) => `// Server-Sent Events endpoint for NestJS (\`@Sse\`): replay via Last-Event-ID, heartbeats, cleanup.
// Nest writes text/event-stream, no-cache and X-Accel-Buffering: no for @Sse routes itself.
// Add EventsModule to your AppModule's imports; publish with \`events.publish(...)\`.
import { Controller, Headers, Module, Sse, type MessageEvent } from '@nestjs/common';
import { Observable } from 'rxjs';

${sseChannelSource(slot)}
/** Publish from anywhere in the process (or wrap it in a provider to inject it). */
export const events = new SseChannel();

@Controller()
export class EventsController {
  @Sse('${slot('route')}')
  stream(@Headers('last-event-id') lastEventId?: string): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) => {
      // Reconnection delay for the browser. Echoing the client's own id (empty on a first visit) keeps
      // Nest from numbering this message, which would corrupt the client's Last-Event-ID.
      subscriber.next({ retry: ${slot('retryMs')}, id: lastEventId ?? '' });
      const sink: SseSink = {
        send: (event) => subscriber.next({ id: String(event.id), type: event.event, data: event.data }),
        comment: (text) => subscriber.next({ comment: text }),
      };
      // The returned teardown runs when Nest unsubscribes on client disconnect.
      return events.subscribe(sink, lastEventId);
    });
  }
}

@Module({ controllers: [EventsController] })
export class EventsModule {}
`;
