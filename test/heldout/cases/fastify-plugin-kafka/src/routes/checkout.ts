import type { FastifyPluginAsync } from 'fastify';

interface CheckoutBody {
  cartId: string;
  total: number;
}

export const checkoutRoutes: FastifyPluginAsync = async (fastify) => {
  fastify.post<{ Body: CheckoutBody }>('/checkout', async (request, reply) => {
    await fastify.producer.send({
      topic: 'checkout.requested',
      messages: [{ key: request.body.cartId, value: JSON.stringify(request.body) }],
    });
    return reply.code(202).send({ accepted: true });
  });

  fastify.get('/checkout/:cartId/events', (request, reply) => {
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const timer = setInterval(() => reply.raw.write(`data: {"state":"pending"}\n\n`), 2000);
    request.raw.on('close', () => clearInterval(timer));
  });

  fastify.delete<{ Params: { cartId: string } }>('/checkout/:cartId', async function (request) {
    await this.producer.send({ topic: 'checkout.cancelled', messages: [{ key: request.params.cartId, value: '{}' }] });
    return { ok: true };
  });
};
