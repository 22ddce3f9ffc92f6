import Database from 'better-sqlite3';
import { client, STREAM } from './client.mjs';

const db = new Database('orders.db');
const insert = db.prepare('INSERT INTO orders (id, sku, qty) VALUES (?, ?, ?)');

export async function acceptOrder(order) {
  insert.run(order.id, order.sku, order.qty);
  return client.xAdd(STREAM, '*', { id: order.id, sku: order.sku, qty: String(order.qty) }, {
    TRIM: { strategy: 'MAXLEN', strategyModifier: '~', threshold: 100_000 },
  });
}

export function auditTrail(event) {
  return client.sendCommand(['XADD', 'stream:audit', '*', 'event', JSON.stringify(event)]);
}
