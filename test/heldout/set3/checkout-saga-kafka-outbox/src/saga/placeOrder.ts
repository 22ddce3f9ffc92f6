import { knex } from '../db';
import { config } from '../config';

export async function placeOrder(cartId: string, customerId: string, totalCents: number) {
  return knex.transaction(async (trx) => {
    const [order] = await trx('orders')
      .insert({ cart_id: cartId, customer_id: customerId, total_cents: totalCents, state: 'PENDING' })
      .returning('*');
    await trx('outbox_messages').insert({
      topic: config.kafka.topics.orders,
      message_key: order.id,
      payload: { type: 'OrderPlaced', orderId: order.id, totalCents },
    });
    return order;
  });
}
