import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IncrementalAnalyzer, analyze } from '../../../src/core/analysis/index';
import type { AnalysisResult } from '../../../src/core/analysis/index';
import { rng } from './random';
import { removeTree, writeTree } from './tree';

const CHANNELS = ['orders.created', 'orders.paid', 'users.*', 'billing.invoice', 'chat.room'];

/** Realistic file bodies; `C` is replaced by a channel, so edits change detections and flows. */
const TEMPLATES: ((c: string) => string)[] = [
  (c) => `export const TOPICS = { MAIN: '${c}', AUDIT: 'audit.${c}' } as const;\nexport enum Queues { Mail = 'mail-${c}' }\n`,
  (c) => `import { Kafka } from 'kafkajs';\nimport { TOPICS } from './topics';\nexport const producer = new Kafka({ brokers: ['k:9092'] }).producer();\nexport async function send() {\n  await producer.send({ topic: TOPICS.MAIN, messages: [] });\n  await producer.send({ topic: '${c}', messages: [] });\n}\n`,
  (c) => `import { kafka } from './kafkaClient';\nconst consumer = kafka.consumer({ groupId: 'g' });\nexport async function start() {\n  await consumer.subscribe({ topics: ['${c}', /^orders\\..+/] });\n}\n`,
  (c) => `import { Kafka } from 'kafkajs';\nexport const kafka = new Kafka({ clientId: '${c}', brokers: ['k:9092'] });\n`,
  (c) => `import Redis from 'ioredis';\nimport { TOPICS } from './topics';\nconst pub = new Redis();\nexport async function notify(id: string) {\n  await pub.publish(\`${c}.\${id}\`, 'x');\n  await pub.psubscribe('${c}*');\n  await pub.publish(TOPICS.AUDIT, id);\n}\n`,
  (c) => `import { producer } from './producer';\nexport async function relay(db: { order: { create(x: unknown): Promise<void> } }) {\n  await db.order.create({ data: 1 });\n  await producer.send({ topic: '${c}', messages: [] });\n}\n`,
  (c) => `import { Queue } from 'bullmq';\nimport { Queues } from './topics';\nconst q = new Queue(Queues.Mail);\nexport const enqueue = () => q.add('welcome', { c: '${c}' });\n`,
  (c) => `import { EventEmitter } from 'node:events';\nexport class Bus extends EventEmitter {\n  fire() { this.emit('${c}'); }\n}\nexport const bus = new Bus();\n`,
  (c) => `import { bus } from './bus';\nbus.on('${c}', () => undefined);\nbus.emit('${c}');\n`,
  (c) => `import { connect } from 'nats';\nexport async function go() {\n  const nc = await connect();\n  nc.subscribe('${c.replace('*', '>')}');\n  nc.publish('${c.replace('*', 'x')}', '');\n}\n`,
  (c) => `export * from './topics';\nexport const EXTRA = '${c}';\n`,
  (c) => `import { Server } from 'socket.io';\nconst io = new Server(3000);\nio.on('connection', (socket) => {\n  socket.on('${c}', () => socket.emit('${c}:ack'));\n});\n`,
  (c) => `CREATE TABLE IF NOT EXISTS outbox_${c.replace(/\W/g, '_')} (id serial primary key);\n`,
  (c) => `export function broken( {\n  const x = '${c}'\n`,
  (c) => `import { producer } from './producer';\nexport async function publishEvent(topic: string, data: unknown) {\n  await producer.send({ topic: \`${c}.\${topic}\`, messages: [{ value: String(data) }] });\n}\n`,
  (c) => `import { publishEvent } from './helpers';\nexport const go = () => publishEvent('${c}', 1);\n`,
];
const NAMES = ['topics.ts', 'producer.ts', 'consumer.ts', 'kafkaClient.ts', 'notify.ts', 'relay.ts', 'queue.ts', 'bus.ts', 'listen.ts', 'nats.ts', 'index.ts', 'io.ts', 'm.sql', 'broken.ts', 'helpers.ts', 'caller.ts'];
const DIRS = ['src', 'src/a', 'src/b', 'src/c', 'svc2/src'];

/** The result without timing-dependent stats. */
function comparable(r: AnalysisResult): unknown {
  return { detections: r.detections, flows: r.flows, skipped: r.skipped, services: r.services, roots: r.roots };
}

describe('incremental analysis', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach(removeTree));

  it('equals a cold run after 500 random edits, deletes and renames', async () => {
    const rand = rng(20260527);
    const pick = <T,>(xs: T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    const initial: Record<string, string> = { 'package.json': '{ "name": "shop" }', 'svc2/package.json': '{ "name": "svc2", "dependencies": { "kafkajs": "2.2.4" } }' };
    NAMES.forEach((n, i) => {
      initial[`src/${n}`] = (TEMPLATES[i] ?? TEMPLATES[0]!)(pick(CHANNELS));
    });
    const root = writeTree(initial, 'ea-incremental-');
    roots.push(root);
    const inc = new IncrementalAnalyzer([root]);
    await inc.initialize();
    const files = (): string[] => {
      const out: string[] = [];
      const walk = (d: string): void => {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
          const p = path.join(d, e.name);
          if (e.isDirectory()) walk(p);
          else if (e.name !== 'package.json') out.push(p);
        }
      };
      walk(root);
      return out.sort();
    };
    let comparisons = 0;
    for (let step = 0; step < 500; step++) {
      const op = rand();
      const existing = files();
      if (op < 0.55 && existing.length) {
        // Edit: rewrite with a (possibly different) template and channel, or an unsaved-buffer style text.
        const file = pick(existing);
        const text = pick(TEMPLATES)(pick(CHANNELS));
        fs.writeFileSync(file, text);
        // Half of the edits arrive as an editor buffer (same text as saved), half as a file event.
        const delta = rand() < 0.5 ? await inc.updateFile(file, text) : await inc.updateFile(file);
        expect(delta.durationMs).toBeGreaterThanOrEqual(0);
      } else if (op < 0.58) {
        // Directory rename (a folder moved in the explorer).
        const from = path.join(root, pick(['src/a', 'src/b', 'src/c']));
        const to = path.join(root, pick(['src/a', 'src/b', 'src/c']));
        if (fs.existsSync(from) && !fs.existsSync(to)) {
          fs.renameSync(from, to);
          await inc.renameFile(from, to);
        }
      } else if (op < 0.7 && existing.length > 3) {
        const file = pick(existing);
        fs.rmSync(file);
        await inc.removeFile(file);
      } else if (op < 0.85 && existing.length) {
        const from = pick(existing);
        const to = path.join(root, pick(DIRS), pick(NAMES));
        if (!fs.existsSync(to)) {
          fs.mkdirSync(path.dirname(to), { recursive: true });
          fs.renameSync(from, to);
          await inc.renameFile(from, to);
        }
      } else {
        const to = path.join(root, pick(DIRS), pick(NAMES));
        fs.mkdirSync(path.dirname(to), { recursive: true });
        fs.writeFileSync(to, pick(TEMPLATES)(pick(CHANNELS)));
        await inc.updateFile(to);
      }
      if (step % 5 === 4 || step === 499) {
        const cold = await analyze([root]);
        expect(comparable(inc.result())).toEqual(comparable(cold));
        comparisons++;
      }
    }
    expect(comparisons).toBe(100);
    expect(inc.result().detections.length).toBeGreaterThan(0);
  }, 120_000);

  it('reports the changed detections and flows of an edit, and honours an editor buffer', async () => {
    const root = writeTree({
      'src/a.ts': `import Redis from 'ioredis';\nconst r = new Redis();\nexport const go = () => r.publish('a.one', '1');\n`,
      'src/b.ts': `import Redis from 'ioredis';\nconst r = new Redis();\nexport const sub = () => r.subscribe('a.one');\n`,
    });
    roots.push(root);
    const inc = new IncrementalAnalyzer([root]);
    const first = await inc.initialize();
    expect(first.flows.map((f) => f.id)).toEqual(['redis:a.one']);
    const file = path.join(root, 'src', 'a.ts');
    const delta = await inc.updateFile(file, `import Redis from 'ioredis';\nconst r = new Redis();\nexport const go = () => r.publish('a.two', '1');\n`);
    expect(delta.upserted.map((d) => d.channel)).toEqual(['a.two']);
    expect(delta.removed).toEqual([]);
    expect(delta.flowsUpserted.map((f) => f.id).sort()).toEqual(['redis:a.one', 'redis:a.two']);
    const removed = await inc.removeFile(path.join(root, 'src', 'b.ts'));
    expect(removed.removed).toEqual(['src/b.ts:3:28:redis.subscribe']);
    expect(removed.flowsRemoved).toEqual(['redis:a.one']);
  });
});
