// A deterministic generated workspace of N source files for the editor benchmark: services (one
// package.json each) of ~100 files, one in ten publishing or consuming events (Kafka, Redis, socket.io)
// through the service's shared clients, the rest ordinary TypeScript importing their neighbours: the mix,
// and the share of event code, of a real application's tree.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const FILES_PER_SERVICE = 100;

function clients() {
  return [
    `import { Kafka } from 'kafkajs';`,
    `import Redis from 'ioredis';`,
    `import { Server } from 'socket.io';`,
    ``,
    `const kafka = new Kafka({ clientId: 'svc', brokers: ['localhost:9092'] });`,
    `export const producer = kafka.producer();`,
    `export const consumer = kafka.consumer({ groupId: 'svc' });`,
    `export const redis = new Redis();`,
    `export const io = new Server(3000);`,
    ``,
  ].join('\n');
}

function eventFile(service, i) {
  const topic = `orders.${(service * 7 + i) % 40}`;
  return [
    `import { producer, consumer, redis, io } from './clients';`,
    `import { helper${i + 10} } from './helper${i + 10}';`,
    ``,
    `export async function publish${i}(id: string, total: number): Promise<void> {`,
    `  const payload = JSON.stringify({ id, total: helper${i + 10}(total) });`,
    `  await producer.send({ topic: '${topic}', messages: [{ key: id, value: payload }] });`,
    `  await redis.publish('cache:${service}:${i}', id);`,
    `  io.to(\`room:\${id}\`).emit('order:${i}', { id });`,
    `}`,
    ``,
    `export async function consume${i}(): Promise<void> {`,
    `  await consumer.subscribe({ topic: '${`orders.${(service * 7 + i + 3) % 40}`}' });`,
    `  await consumer.run({ eachMessage: async ({ message }) => { await redis.set('last:${i}', String(message.value)); } });`,
    `}`,
    ``,
  ].join('\n');
}

function helperFile(i) {
  const lines = [`export interface Line${i} {`, `  sku: string;`, `  quantity: number;`, `  priceCents: number;`, `}`, ``];
  if (i > 10) lines.unshift(`import { helper${i - 1} } from './helper${i - 1}';`, ``);
  lines.push(`export function helper${i}(value: number): number {`);
  lines.push(`  let out = value;`);
  for (let k = 0; k < 12; k++) lines.push(`  if (out > ${k * 100}) out = out - ${k} + Math.round(out / ${k + 2});`);
  lines.push(i > 10 ? `  return helper${i - 1}(out) + 1;` : `  return out;`);
  lines.push(`}`, ``);
  lines.push(`export function total${i}(lines: Line${i}[]): number {`);
  lines.push(`  return lines.reduce((sum, l) => sum + l.quantity * l.priceCents, 0);`);
  lines.push(`}`, ``);
  return lines.join('\n');
}

/** Writes `files` source files (plus one package.json per service) under `dir`, replacing what is there. */
export function generateWorkspace(dir, files) {
  rmSync(dir, { recursive: true, force: true });
  const services = Math.ceil(files / FILES_PER_SERVICE);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'generated', private: true, workspaces: ['services/*'] }, null, 2));
  let written = 0;
  for (let s = 0; s < services && written < files; s++) {
    const src = path.join(dir, 'services', `svc${s}`, 'src');
    mkdirSync(src, { recursive: true });
    writeFileSync(
      path.join(dir, 'services', `svc${s}`, 'package.json'),
      JSON.stringify({ name: `svc${s}`, version: '1.0.0', dependencies: { kafkajs: '2.2.4', ioredis: '5.4.1', 'socket.io': '4.8.1' } }, null, 2),
    );
    writeFileSync(path.join(src, 'clients.ts'), clients());
    written++;
    for (let i = 0; i < FILES_PER_SERVICE - 1 && written < files; i++, written++) {
      if (i < 9) writeFileSync(path.join(src, `events${i}.ts`), eventFile(s, i));
      else writeFileSync(path.join(src, `helper${i + 1}.ts`), helperFile(i + 1));
    }
  }
  return written;
}
