import { Queue } from 'bullmq';
import { Router } from 'express';
import {
  QUEUES,
  TOPICS,
  type EmailJob,
  type OrderCancelledEvent,
  type OrderCreatedEvent,
  type OrderLine,
} from '../../../shared/events';
import { pool, producer } from './clients';

interface OrderRow {
  id: string;
  customer_id: string;
  total_cents: number;
  status: string;
  created_at: Date;
}

const emailQueue = new Queue<EmailJob>(QUEUES.email, {
  connection: { host: process.env.REDIS_HOST ?? 'localhost', port: 6379 },
  defaultJobOptions: { attempts: 5, backoff: { type: 'exponential', delay: 2000 } },
});

export const ordersRouter = Router();

ordersRouter.get('/api/orders', async (req, res) => {
  const customerId = String(req.query.customerId ?? '');
  const { rows } = await pool.query<OrderRow>(
    'SELECT id, customer_id, total_cents, status, created_at FROM orders WHERE customer_id = $1 ORDER BY created_at DESC LIMIT 50',
    [customerId],
  );
  res.json(rows);
});

ordersRouter.post('/api/orders', async (req, res) => {
  const { customerId, email, lines } = req.body as { customerId: string; email: string; lines: OrderLine[] };
  if (!customerId || !email || !Array.isArray(lines) || lines.length === 0) {
    res.status(400).json({ error: 'customerId, email and at least one line are required' });
    return;
  }
  const totalCents = lines.reduce((sum, line) => sum + line.qty * line.priceCents, 0);

  const { rows } = await pool.query<OrderRow>(
    'INSERT INTO orders (customer_id, email, total_cents) VALUES ($1, $2, $3) RETURNING id, customer_id, total_cents, status, created_at',
    [customerId, email, totalCents],
  );
  const order = rows[0];
  if (!order) throw new Error('INSERT returned no row');

  const event: OrderCreatedEvent = {
    orderId: order.id,
    customerId,
    totalCents,
    lines,
    createdAt: order.created_at.toISOString(),
  };
  await producer.send({
    topic: TOPICS.orderCreated,
    messages: [{ key: order.id, value: JSON.stringify(event) }],
  });
  await emailQueue.add('order-confirmation', { to: email, template: 'order-confirmation', orderId: order.id });

  res.status(201).json(order);
});

ordersRouter.post('/api/orders/:id/cancel', async (req, res) => {
  const { rows } = await pool.query<{ customer_id: string }>(
    "UPDATE orders SET status = 'cancelled' WHERE id = $1 AND status = 'placed' RETURNING customer_id",
    [req.params.id],
  );
  const cancelled = rows[0];
  if (!cancelled) {
    res.status(409).json({ error: 'order cannot be cancelled' });
    return;
  }

  const event: OrderCancelledEvent = {
    orderId: req.params.id,
    customerId: cancelled.customer_id,
    cancelledAt: new Date().toISOString(),
  };
  await producer.send({
    topic: TOPICS.orderCancelled,
    messages: [{ key: req.params.id, value: JSON.stringify(event) }],
  });

  res.status(204).end();
});
