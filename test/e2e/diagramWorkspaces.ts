// Workspaces the Flow Diagram tests open besides examples/shop, written into a temporary folder: many
// services, many channels, and channel names that try to break out of the diagram.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function service(root: string, name: string, source: string): void {
  const dir = path.join(root, 'services', name);
  mkdirSync(path.join(dir, 'src'), { recursive: true });
  const pkg = { name, version: '0.1.0', private: true, dependencies: { kafkajs: '2.2.4', ioredis: '5.4.1' } };
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  writeFileSync(path.join(dir, 'src', 'index.ts'), source);
}

const HEADER = [
  `import { Kafka } from 'kafkajs';`,
  `import Redis from 'ioredis';`,
  ``,
  `const kafka = new Kafka({ clientId: 'app', brokers: ['localhost:9092'] });`,
  `const producer = kafka.producer();`,
  `const consumer = kafka.consumer({ groupId: 'app' });`,
  `const redis = new Redis();`,
  ``,
];

function root(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'generated', private: true, workspaces: ['services/*'] }, null, 2)}\n`);
}

/** `count` services on 40 Kafka topics and 30 Redis channels: each publishes one of each and consumes one topic. */
export function writeManyServices(dir: string, count: number): void {
  root(dir);
  for (let s = 0; s < count; s++) {
    const lines = [
      ...HEADER,
      `export async function publishOrder(id: string): Promise<void> {`,
      `  await producer.send({ topic: 'orders.${s % 40}', messages: [{ value: id }] });`,
      `}`,
      ``,
      `export async function onOrders(): Promise<void> {`,
      `  await consumer.subscribe({ topic: 'orders.${(s + 1) % 40}' });`,
      `  await consumer.run({ eachMessage: async () => undefined });`,
      `}`,
      ``,
      `export async function announce(id: string): Promise<void> {`,
      `  await redis.publish('cache.${s % 30}', id);`,
      `}`,
      ``,
    ];
    service(dir, `svc-${String(s).padStart(3, '0')}`, lines.join('\n'));
  }
}

/** `channels` Kafka topics, spread over 10 producing and 10 consuming services. */
export function writeManyChannels(dir: string, channels: number): void {
  root(dir);
  const perService = Math.ceil(channels / 10);
  for (let s = 0; s < 10; s++) {
    const sends: string[] = [];
    const subs: string[] = [];
    for (let i = 0; i < perService; i++) {
      const topic = `topic.${s}.${i}`;
      sends.push(`  await producer.send({ topic: '${topic}', messages: [{ value: id }] });`);
      subs.push(`  await consumer.subscribe({ topic: '${topic}' });`);
    }
    service(dir, `producer-${s}`, [...HEADER, `export async function publishAll(id: string): Promise<void> {`, ...sends, `}`, ``].join('\n'));
    service(dir, `consumer-${s}`, [...HEADER, `export async function consumeAll(): Promise<void> {`, ...subs, `  await consumer.run({ eachMessage: async () => undefined });`, `}`, ``].join('\n'));
  }
}

/** Channel names that try to reverse text, break out of a label, inject markup or a Mermaid directive. */
export const HOSTILE_NAMES = [
  'invoice\u202Eexe.png',
  'הזמנות.נוצרו',
  `huge.${'x'.repeat(10_240)}`,
  '"]; click ch_1 call alert(1)',
  '<img src=x onerror=alert(1)>',
  '%%{init: {"securityLevel": "loose"}}%%',
];

export function writeHostileNames(dir: string): void {
  root(dir);
  const literal = (s: string): string => {
    if (s.length <= 200) return JSON.stringify(s);
    // A template literal broken over lines of 120 characters: the name keeps its full size (line breaks
    // included) and the file does not look minified (files with long lines are skipped as minified).
    const lines: string[] = [];
    for (let i = 0; i < s.length; i += 120) lines.push(s.slice(i, i + 120));
    return '`' + lines.join('\n') + '`';
  };
  const sends = HOSTILE_NAMES.map((n) => `  await producer.send({ topic: ${literal(n)}, messages: [{ value: id }] });`);
  const subs = HOSTILE_NAMES.map((n) => `  await consumer.subscribe({ topic: ${literal(n)} });`);
  service(dir, 'hostile-producer', [...HEADER, `export async function publishAll(id: string): Promise<void> {`, ...sends, `}`, ``].join('\n'));
  service(dir, 'hostile-consumer', [...HEADER, `export async function consumeAll(): Promise<void> {`, ...subs, `  await consumer.run({ eachMessage: async () => undefined });`, `}`, ``].join('\n'));
}
