import Router from '@koa/router';
import { PRICE_CHANNEL, redis } from '../redis';

export const adminRouter = new Router({ prefix: '/admin' });

adminRouter.post('/tick', async (ctx) => {
  const { symbol, price } = ctx.request.body as { symbol: string; price: number };
  const receivers = await redis.publish(PRICE_CHANNEL, JSON.stringify({ symbol, price, at: Date.now() }));
  ctx.body = { receivers };
});

adminRouter.post('/alerts/:symbol', async (ctx) => {
  await redis.publish(`alerts:${ctx.params.symbol}`, String((ctx.request.body as { text: string }).text));
  ctx.status = 204;
});

adminRouter.get('/cache/:key', async (ctx) => {
  ctx.body = (await redis.get(`cache:${ctx.params.key}`)) ?? null;
  ctx.type = 'application/json';
});
