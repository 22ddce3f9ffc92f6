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

/** Lines per block (each block holds one Kafka topic literal). */
const BLOCK_LINES = block(0, 0).length;

/** How many whole blocks a file of `lines` lines holds. */
export function blockCount(lines: number): number {
  return Math.max(1, Math.floor((lines - HEADER.length) / BLOCK_LINES));
}

/**
 * Exactly `lines` lines (the last one ends with a newline). `variant` changes topic names between edits:
 * one number for every block (a full rewrite), or one per block (`variants[i]`, 0 when absent) so an edit
 * can change a single line, as typing does.
 */
export function syntheticServiceFile(lines: number, variant: number | readonly number[] = 0): string {
  const out = [...HEADER];
  for (let i = 0; out.length < lines; i++) out.push(...block(i, typeof variant === 'number' ? variant : (variant[i] ?? 0)));
  // Cut at a block boundary where possible so the file stays valid TypeScript, then pad with comments.
  let cut = out.slice(0, lines);
  while (cut.length > HEADER.length && cut[cut.length - 1] !== '') cut = cut.slice(0, -1);
  while (cut.length < lines) cut.push(`// padding ${cut.length}`);
  return `${cut.join('\n')}\n`;
}
