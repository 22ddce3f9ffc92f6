import { subscriber, BUILD_EVENTS } from '@/lib/redis';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const sub = subscriber();
  const encoder = new TextEncoder();

  const stream = new ReadableStream({
    async start(controller) {
      await sub.subscribe(BUILD_EVENTS);
      sub.on('message', (_channel, payload) => {
        controller.enqueue(encoder.encode(`data: ${payload}\n\n`));
      });
      request.signal.addEventListener('abort', () => {
        void sub.quit();
        controller.close();
      });
    },
  });

  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
    },
  });
}
