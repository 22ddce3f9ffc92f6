// A temp workspace that carries rule findings on purpose: a payments API that writes to Postgres and
// publishes to Kafka in the same handler (dual write) and streams SSE without a heartbeat, and a price
// feed whose WebSocket server only pushes (one-way push, an `information` finding).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const PAYMENTS_TS = `import express from 'express';
import { Pool } from 'pg';
import { Kafka } from 'kafkajs';
import { EventEmitter } from 'node:events';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const producer = new Kafka({ clientId: 'payments', brokers: ['kafka:9092'] }).producer();
const settled = new EventEmitter();
export const app = express();
app.use(express.json());

app.post('/payments', async (req, res) => {
  const { rows } = await pool.query<{ id: string }>('INSERT INTO payments (order_id, amount_cents) VALUES ($1, $2) RETURNING id', [
    req.body.orderId,
    req.body.amountCents,
  ]);
  const id = rows[0]?.id ?? '';
  await producer.send({ topic: 'payments.captured', messages: [{ key: id, value: JSON.stringify({ id }) }] });
  res.status(201).json({ id });
});

app.get('/payments/stream', (req, res) => {
  res.setHeader('Content-Type', 'text/event-stream');
  res.setHeader('Cache-Control', 'no-cache');
  res.flushHeaders();
  const onSettled = (payment: { id: string }) => res.write(\`data: \${JSON.stringify(payment)}\\n\\n\`);
  settled.on('settled', onSettled);
  req.on('close', () => settled.off('settled', onSettled));
});
`;

const PRICES_TS = `import { WebSocketServer } from 'ws';

const wss = new WebSocketServer({ port: 8090 });

wss.on('connection', (socket) => {
  socket.send(JSON.stringify({ type: 'hello', at: Date.now() }));
});

setInterval(() => {
  const frame = JSON.stringify({ type: 'tick', price: 100 + Math.random() });
  for (const client of wss.clients) client.send(frame);
}, 1000);
`;

export function writeFindingsProject(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'ea-cli-findings-'));
  const write = (rel: string, text: string): void => {
    const file = path.join(root, ...rel.split('/'));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  write('payments/package.json', JSON.stringify({ name: 'payments', dependencies: { express: '4.21.2', pg: '8.13.1', kafkajs: '2.2.4' } }));
  write('payments/src/payments.ts', PAYMENTS_TS);
  write('prices/package.json', JSON.stringify({ name: 'prices', dependencies: { ws: '8.18.0' } }));
  write('prices/src/feed.ts', PRICES_TS);
  return root;
}
