import { describe, expect, it } from 'vitest';
import { matchesChannel } from '../../../src/core/analysis/index';
import { analyzeTree, summarize } from './tree';

describe('channel resolution', () => {
  it('resolves literals, templates as patterns, same-file consts, object members, enums and imports across files', async () => {
    const r = await analyzeTree({
      'src/contracts/topics.ts': `export const AUDIT_TOPIC = 'audit.events';
export const Topics = {
  OrderCreated: 'orders.created',
  OrderPaid: \`orders.\${'paid'}\`,
} as const;
export enum Subjects { Quote = 'pricing.quote' }
`,
      'src/contracts/index.ts': `export * from './topics';
`,
      'src/kafka.ts': `import { Kafka } from 'kafkajs';
import { AUDIT_TOPIC, Topics } from './contracts';
import * as contracts from './contracts/topics';
const producer = new Kafka({ brokers: ['k:9092'] }).producer();
const REGION = 'eu';
export async function send(id: string) {
  await producer.send({ topic: Topics.OrderCreated, messages: [] });
  await producer.send({ topic: Topics['OrderPaid'], messages: [] });
  await producer.send({ topic: AUDIT_TOPIC, messages: [] });
  await producer.send({ topic: \`orders.\${REGION}.\${id}\`, messages: [] });
  await producer.send({ topic: contracts.AUDIT_TOPIC, messages: [] });
  await producer.send({ topic: 'orders.' + id, messages: [] });
}
`,
      'src/nats.js': `const { connect } = require('nats');
const { Subjects } = require('./contracts/topics');
async function serve() {
  const nc = await connect();
  nc.subscribe(Subjects.Quote);
}
module.exports = { serve };
`,
    });
    expect(summarize(r)).toEqual([
      'src/kafka.ts:7 kafka.produce orders.created',
      'src/kafka.ts:8 kafka.produce orders.paid',
      'src/kafka.ts:9 kafka.produce audit.events',
      'src/kafka.ts:10 kafka.produce orders.eu.*',
      'src/kafka.ts:11 kafka.produce audit.events',
      'src/kafka.ts:12 kafka.produce orders.*',
      'src/nats.js:5 nats.subscribe pricing.quote',
    ]);
    expect(r.detections.map((d) => d.channelIsPattern)).toEqual([false, false, false, true, false, true, false]);
  });

  it('follows receivers created in another file (module singletons, factories, class fields)', async () => {
    const r = await analyzeTree({
      'src/clients.ts': `import Redis from 'ioredis';
let client: Redis | undefined;
export function redis(): Redis {
  client ??= new Redis();
  return client;
}
export class Notifier {
  private readonly pub = new Redis();
  notify(userId: string) { return this.pub.publish(\`users.\${userId}\`, 'ping'); }
}
`,
      'src/use.ts': `import { redis, Notifier } from './clients';
export async function wire() {
  const r = redis();
  await r.subscribe('users.42');
  return new Notifier();
}
`,
    });
    expect(summarize(r)).toEqual(['src/clients.ts:9 redis.publish users.*', 'src/use.ts:4 redis.subscribe users.42']);
    const flow = r.flows.find((f) => f.id === 'redis:users.42');
    expect(flow?.producers).toEqual(['src/clients.ts:9:44:redis.publish']);
  });
});

describe('wildcard pairing', () => {
  it('matches NATS tokens, Redis globs, AMQP topics and Kafka regexes', () => {
    expect(matchesChannel('nats', 'orders.eu.created', false, 'orders.*.created', true)).toBe(true);
    expect(matchesChannel('nats', 'orders.eu.created', false, 'orders.*', true)).toBe(false);
    expect(matchesChannel('nats', 'orders.eu.created', false, 'orders.>', true)).toBe(true);
    expect(matchesChannel('nats', 'orders', false, 'orders.>', true)).toBe(false);
    expect(matchesChannel('redis', 'chat:room:1', false, 'chat:*', true)).toBe(true);
    expect(matchesChannel('redis', 'chat:room:1', false, 'chat:room:[0-9]', true)).toBe(true);
    expect(matchesChannel('redis', 'news', false, 'chat:*', true)).toBe(false);
    expect(matchesChannel('amqp', 'order.created.eu', false, 'order.#', true)).toBe(true);
    expect(matchesChannel('amqp', 'order.created.eu', false, 'order.*', true)).toBe(false);
    expect(matchesChannel('amqp', 'order', false, '#', true)).toBe(true);
    expect(matchesChannel('kafka', 'payments.refund.eu', false, '^payments\\.refund\\..+', true)).toBe(true);
    expect(matchesChannel('kafka', 'payments.settled', false, '^payments\\.refund\\..+', true)).toBe(false);
    // A template-literal producer `orders.${id}` reaches a concrete subscription.
    expect(matchesChannel('redis', 'orders.*', true, 'orders.42', false)).toBe(true);
    // A broken regex never throws.
    expect(matchesChannel('kafka', 'x', false, '([', true)).toBe(false);
  });

  it('pairs producers and wildcard consumers across services into flows', async () => {
    const r = await analyzeTree({
      'billing/package.json': '{ "name": "billing", "dependencies": { "nats": "2.29.3" } }',
      'billing/src/listen.ts': `import { connect } from 'nats';
export async function listen() {
  const nc = await connect();
  nc.subscribe('orders.>');
  nc.subscribe('orders.*.created');
}
`,
      'orders/package.json': '{ "name": "orders", "dependencies": { "nats": "2.29.3", "ioredis": "5.4.1" } }',
      'orders/src/publish.ts': `import { connect } from 'nats';
export async function created(region: string) {
  const nc = await connect();
  nc.publish('orders.eu.created', '');
  nc.publish(\`orders.\${region}.cancelled\`, '');
}
`,
    });
    const flow = r.flows.find((f) => f.id === 'nats:orders.eu.created');
    expect(flow?.producers).toEqual(['orders/src/publish.ts:4:6:nats.publish']);
    expect(flow?.consumers).toEqual(['billing/src/listen.ts:4:6:nats.subscribe', 'billing/src/listen.ts:5:6:nats.subscribe']);
    const cancelled = r.flows.find((f) => f.id === 'nats:orders.*.cancelled');
    expect(cancelled?.consumers).toEqual(['billing/src/listen.ts:4:6:nats.subscribe']);
    expect(r.detections.find((d) => d.file === 'billing/src/listen.ts')?.service).toBe('billing');
    expect(r.services).toEqual({
      billing: { root: 'billing', libraries: ['nats'] },
      orders: { root: 'orders', libraries: ['ioredis', 'nats'] },
    });
  });
});

describe('wrappers', () => {
  it('counts calls of project helpers that wrap a publish/subscribe, with the caller’s channel, through two levels', async () => {
    const r = await analyzeTree({
      'src/lib/bus.ts': `import { connect, type NatsConnection } from 'nats';
let nc: NatsConnection | undefined;
async function conn(): Promise<NatsConnection> {
  nc ??= await connect();
  return nc;
}
export async function emitEvent(subject: string, data: unknown): Promise<void> {
  (await conn()).publish(subject, JSON.stringify(data));
}
export const emitBilling = (event: string, data: unknown) => emitEvent(\`billing.\${event}\`, data);
export async function onEvent(subject: string, handle: (d: string) => void) {
  const sub = (await conn()).subscribe(subject);
  for await (const m of sub) handle(m.string());
}
`,
      'src/lib/index.ts': `export { emitEvent, emitBilling, onEvent } from './bus';
`,
      'src/invoices.ts': `import { emitBilling, emitEvent, onEvent } from './lib';
export async function paid(id: string) {
  await emitEvent('invoices.paid', { id });
  await emitBilling('invoice.paid', { id });
  await onEvent('invoices.*', (d) => console.log(d));
  console.log('done', id);
}
`,
    });
    expect(summarize(r)).toEqual([
      'src/invoices.ts:3 nats.publish invoices.paid',
      'src/invoices.ts:4 nats.publish billing.invoice.paid',
      'src/invoices.ts:5 nats.subscribe invoices.*',
      'src/lib/bus.ts:8 nats.publish null',
      'src/lib/bus.ts:10 nats.publish billing.*',
      'src/lib/bus.ts:12 nats.subscribe null',
    ]);
    expect(r.flows.find((f) => f.id === 'nats:invoices.paid')?.consumers).toEqual(['src/invoices.ts:5:9:nats.subscribe']);
  });
});
