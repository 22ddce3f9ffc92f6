import type { FastifyPluginAsync } from 'fastify';

const SCORE_PREFIX = 'scores';

export const scoreRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { matchId: string } }>('/matches/:matchId/live', async (request, reply) => {
    const { matchId } = request.params;
    reply.raw.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
    });

    const listener = (message: string) => reply.raw.write(`event: score\ndata: ${message}\n\n`);
    await app.redisSub.subscribe(`${SCORE_PREFIX}:${matchId}`, listener);

    request.raw.on('close', () => {
      void app.redisSub.unsubscribe(`${SCORE_PREFIX}:${matchId}`, listener);
    });
  });

  app.get('/matches/ticker', async (_request, reply) => {
    reply.raw.setHeader('content-type', 'text/event-stream');
    await app.redisSub.pSubscribe(`${SCORE_PREFIX}:*`, (message, channel) => {
      reply.raw.write(`data: ${JSON.stringify({ channel, message })}\n\n`);
    });
  });

  app.post<{ Params: { matchId: string }; Body: { home: number; away: number } }>(
    '/matches/:matchId/score',
    async (request) => {
      const { matchId } = request.params;
      app.log.info({ matchId }, 'score update');
      await app.redis.publish(`${SCORE_PREFIX}:${matchId}`, JSON.stringify(request.body));
      return { ok: true };
    },
  );
};
