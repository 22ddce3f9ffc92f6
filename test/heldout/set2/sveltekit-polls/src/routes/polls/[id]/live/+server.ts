import type { RequestHandler } from './$types';
import { Redis } from 'ioredis';
import { env } from '$env/dynamic/private';
import { pollChannel } from '$lib/server/redis';

export const GET: RequestHandler = async ({ params, request }) => {
  const sub = new Redis(env.REDIS_URL);
  await sub.subscribe(pollChannel(params.id));

  const body = new ReadableStream<string>({
    start(controller) {
      sub.on('message', (_ch, message) => controller.enqueue(`data: ${message}\n\n`));
      request.signal.onabort = () => sub.disconnect();
    },
  });

  return new Response(body.pipeThrough(new TextEncoderStream()), {
    headers: { 'content-type': 'text/event-stream' },
  });
};
