import { redis, DEPLOY_EVENTS } from '@/lib/redis';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(request: Request) {
  const sub = redis.duplicate();
  const encoder = new TextEncoder();
  const stream = new ReadableStream({
    async start(controller) {
      await sub.subscribe(DEPLOY_EVENTS);
      sub.on('message', (_channel, message) => controller.enqueue(encoder.encode(`data: ${message}\n\n`)));
      request.signal.addEventListener('abort', () => {
        void sub.quit();
        controller.close();
      });
    },
  });
  return new Response(stream, {
    headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform' },
  });
}
