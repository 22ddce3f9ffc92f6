import { pool } from './lib/db.js';
import { publishJson } from './lib/kafka.js';
import { config } from './config.js';

export interface NewOrder { customerId: string; items: { sku: string; qty: number }[]; totalCents: number }

export async function placeOrder(order: NewOrder): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    'INSERT INTO orders (customer_id, items, total_cents) VALUES ($1, $2, $3) RETURNING id',
    [order.customerId, JSON.stringify(order.items), order.totalCents],
  );
  const id = rows[0].id;
  await publishJson(config.topics.orders, id, { id, ...order });
  return id;
}
