// A small two-service workspace written to a temp folder: a Kafka topic and a socket.io event between an
// API and a billing worker, plus the files a real checkout has that must be skipped or excluded.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ORDERS_TS = `import { Kafka } from 'kafkajs';
import { Server } from 'socket.io';

const kafka = new Kafka({ clientId: 'api', brokers: ['localhost:9092'] });
const producer = kafka.producer();
const io = new Server(3001);

export class OrdersService {
  async create(customerId: string, totalCents: number): Promise<string> {
    const orderId = \`\${customerId}-\${Date.now()}\`;
    await producer.send({
      topic: 'orders.created',
      messages: [{ key: orderId, value: JSON.stringify({ orderId, totalCents }) }],
    });
    io.to(customerId).emit('order:created', { orderId });
    return orderId;
  }
}
`;

export const BILLING_TS = `import { Kafka } from 'kafkajs';

const kafka = new Kafka({ clientId: 'billing', brokers: ['localhost:9092'] });
const consumer = kafka.consumer({ groupId: 'billing' });

export async function startBilling(): Promise<void> {
  await consumer.connect();
  await consumer.subscribe({ topic: 'orders.created', fromBeginning: false });
  await consumer.run({
    eachMessage: async ({ message }) => {
      console.log('charge', message.value?.toString());
    },
  });
}
`;

export function writeSampleProject(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'ea-cli-project-'));
  const write = (rel: string, text: string): void => {
    const file = path.join(root, ...rel.split('/'));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  write('api/package.json', JSON.stringify({ name: 'orders-api', dependencies: { kafkajs: '2.2.4', 'socket.io': '4.8.4' } }));
  write('api/src/orders service.ts', ORDERS_TS);
  write('billing/package.json', JSON.stringify({ name: 'billing', dependencies: { kafkajs: '2.2.4' } }));
  write('billing/src/billing.ts', BILLING_TS);
  // a generated file well over a small --max-file-size cap
  write('api/src/generated/big.ts', `export const TABLE = [\n${'  { id: 1, name: "row" },\n'.repeat(2000)}];\n`);
  write('legacy/old.ts', `import { Kafka } from 'kafkajs';\nconst p = new Kafka({ clientId: 'x', brokers: [] }).producer();\nexport const go = () => p.send({ topic: 'legacy.topic', messages: [] });\n`);
  return root;
}
