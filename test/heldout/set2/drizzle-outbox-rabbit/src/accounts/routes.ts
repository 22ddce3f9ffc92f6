import { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import { db } from '../db/client.js';
import { accounts, outboxEvents } from '../db/schema.js';

export const accountRoutes = new Hono();

accountRoutes.post('/accounts/:id/upgrade', async (c) => {
  const id = c.req.param('id');
  await db.transaction(async (tx) => {
    await tx.update(accounts).set({ plan: 'pro' }).where(eq(accounts.id, id));
    await tx.insert(outboxEvents).values({ routingKey: 'account.upgraded', body: { id, plan: 'pro' } });
  });
  return c.json({ ok: true });
});
