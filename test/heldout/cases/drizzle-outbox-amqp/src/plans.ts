import { eq } from 'drizzle-orm';
import { db, schema } from './db';

export async function changePrice(planId: string, priceCents: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(schema.plans).set({ priceCents }).where(eq(schema.plans.id, planId));
    await tx.insert(schema.outboxMessages).values({ routingKey: 'plan.price.changed', body: { planId, priceCents } });
  });
}
