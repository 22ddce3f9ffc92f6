// A realistic service file of an exact line count for the re-index benchmark: Kafka, socket.io and Redis
// calls among ordinary TypeScript (types, loops, validation), the mix an edited file in a real app has.

function block(i: number, variant: number): string[] {
  return [
    `export interface OrderLine${i} {`,
    `  sku: string;`,
    `  quantity: number;`,
    `  priceCents: number;`,
    `}`,
    ``,
    `export async function placeOrder${i}(customerId: string, lines: OrderLine${i}[]): Promise<string> {`,
    `  if (lines.length === 0) throw new Error('empty order ${i}');`,
    `  let totalCents = 0;`,
    `  for (const line of lines) {`,
    `    if (line.quantity <= 0) throw new Error(\`bad quantity for \${line.sku}\`);`,
    `    totalCents += line.quantity * line.priceCents;`,
    `  }`,
    `  const orderId = \`\${customerId}-\${Date.now()}-${i}\`;`,
    `  await producer.send({ topic: 'orders.created.v${variant}', messages: [{ key: orderId, value: JSON.stringify({ orderId, totalCents }) }] });`,
    `  io.to(\`customer:\${customerId}\`).emit('order:placed', { orderId, totalCents });`,
    `  await redis.publish('cache:invalidate', \`orders:\${customerId}\`);`,
    `  return orderId;`,
    `}`,
    ``,
  ];
}

const HEADER = [
  `import { Kafka } from 'kafkajs';`,
  `import { Server } from 'socket.io';`,
  `import Redis from 'ioredis';`,
  ``,
  `const kafka = new Kafka({ clientId: 'orders', brokers: ['localhost:9092'] });`,
  `const producer = kafka.producer();`,
  `const io = new Server(3001);`,
  `const redis = new Redis();`,
  ``,
];

/** Exactly `lines` lines (the last one ends with a newline); `variant` changes topic names between edits. */
export function syntheticServiceFile(lines: number, variant = 0): string {
  const out = [...HEADER];
  for (let i = 0; out.length < lines; i++) out.push(...block(i, variant));
  // Cut at a block boundary where possible so the file stays valid TypeScript, then pad with comments.
  let cut = out.slice(0, lines);
  while (cut.length > HEADER.length && cut[cut.length - 1] !== '') cut = cut.slice(0, -1);
  while (cut.length < lines) cut.push(`// padding ${cut.length}`);
  return `${cut.join('\n')}\n`;
}
