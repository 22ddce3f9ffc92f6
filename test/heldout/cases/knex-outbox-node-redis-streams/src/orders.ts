import { knex, OUTBOX } from './db';

export async function placeOrder(customerId: string, totalCents: number): Promise<number> {
  return knex.transaction(async (trx) => {
    const [order] = await trx('orders').insert({ customer_id: customerId, total_cents: totalCents }).returning('id');
    await trx(OUTBOX).insert({ stream: 'orders', fields: { type: 'placed', id: String(order.id) } });
    return order.id as number;
  });
}
