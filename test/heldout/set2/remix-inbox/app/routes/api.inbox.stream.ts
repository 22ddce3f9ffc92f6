import type { LoaderFunctionArgs } from '@remix-run/node';
import { inboxEvents, MESSAGE_RECEIVED } from '~/lib/inbox.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = new URL(request.url).searchParams.get('user');
  const stream = new ReadableStream({
    start(controller) {
      const push = (msg: { to: string }) => {
        if (msg.to === user) controller.enqueue(`data: ${JSON.stringify(msg)}\n\n`);
      };
      inboxEvents.on(MESSAGE_RECEIVED, push);
      request.signal.addEventListener('abort', () => inboxEvents.off(MESSAGE_RECEIVED, push));
    },
  });
  return new Response(stream.pipeThrough(new TextEncoderStream()), {
    headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' },
  });
}
