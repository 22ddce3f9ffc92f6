import { describe, expect, it } from 'vitest';
import { analyzeTree, summarize } from './tree';

describe('Redis (ioredis, node-redis)', () => {
  it('counts publish, subscribe per channel, psubscribe, streams and call(XADD); ignores lifecycle and cache calls', async () => {
    const r = await analyzeTree({
      'src/redis.ts': `import Redis from 'ioredis';
import { createClient } from 'redis';

export const pub = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
const sub = pub.duplicate();
const client = createClient({ url: 'redis://cache:6379' });

export async function wire(): Promise<void> {
  await sub.subscribe('chat.room', 'chat.presence');
  await sub.psubscribe('chat.*');
  sub.on('message', (channel, message) => console.log(channel, message));
  sub.on('error', (err) => console.error(err));
  await pub.publish('chat.room', JSON.stringify({ text: 'hi' }));
  await pub.set('session:1', 'x');
  await pub.xadd('audit', '*', 'kind', 'login');
  await pub.call('XADD', 'audit:raw', '*', 'k', 'v');
  await pub.xreadgroup('GROUP', 'g', 'c1', 'COUNT', 10, 'STREAMS', 'audit', '>');
  await client.connect();
  await client.xAdd('metrics', '*', { cpu: '1' });
  await client.xRead({ key: 'metrics', id: '$' }, { BLOCK: 0 });
}
`,
    });
    expect(summarize(r)).toEqual([
      'src/redis.ts:9 redis.subscribe chat.room',
      'src/redis.ts:9 redis.subscribe chat.presence',
      'src/redis.ts:10 redis.subscribe chat.*',
      'src/redis.ts:13 redis.publish chat.room',
      'src/redis.ts:15 redis.stream.produce audit',
      'src/redis.ts:16 redis.stream.produce audit:raw',
      'src/redis.ts:17 redis.stream.consume audit',
      'src/redis.ts:19 redis.stream.produce metrics',
      'src/redis.ts:20 redis.stream.consume metrics',
    ]);
    const p = r.detections.find((d) => d.line === 10);
    expect(p?.channelIsPattern).toBe(true);
  });
});

describe('Kafka (kafkajs, NestJS)', () => {
  it('counts producer.send / consumer.subscribe per topic, regex topics as patterns; run/connect/on do not count', async () => {
    const r = await analyzeTree({
      'src/kafka.ts': `import { Kafka, logLevel } from 'kafkajs';
export const kafka = new Kafka({ clientId: 'orders', brokers: ['kafka:9092'], logLevel: logLevel.WARN });
`,
      'src/worker.ts': `import type { Consumer } from 'kafkajs';
import { kafka } from './kafka';

export class PaymentsWorker {
  private readonly consumer: Consumer = kafka.consumer({ groupId: 'payments' });
  private readonly producer = kafka.producer({ idempotent: true });

  async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: ['payments.settled', /^payments\\.refund\\..+/], fromBeginning: false });
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => undefined);
    await this.consumer.run({
      eachMessage: async ({ message }) => {
        await this.producer.send({
          topic: 'orders.paid',
          messages: [{ key: message.key, value: message.value }],
        });
      },
    });
  }
}
`,
    });
    expect(summarize(r)).toEqual([
      'src/worker.ts:10 kafka.consume payments.settled',
      'src/worker.ts:10 kafka.consume ^payments\\.refund\\..+',
      'src/worker.ts:14 kafka.produce orders.paid',
    ]);
    expect(r.detections[1]?.channelIsPattern).toBe(true);
    // The handler passed as `eachMessage` is the function that sends.
    expect(r.detections[2]?.enclosingFunction).toBe('eachMessage');
  });

  it('maps NestJS @EventPattern / ClientKafka.emit by the configured transport, and ignores TCP RPC', async () => {
    const kafkaApp = await analyzeTree({
      'package.json': '{ "name": "billing" }',
      'src/main.ts': `import { NestFactory } from '@nestjs/core';
import { Transport } from '@nestjs/microservices';
import { AppModule } from './app.module';
async function bootstrap() {
  const app = await NestFactory.createMicroservice(AppModule, { transport: Transport.KAFKA, options: { client: { brokers: ['k:9092'] } } });
  await app.listen();
}
void bootstrap();
`,
      'src/billing.controller.ts': `import { Controller, Inject } from '@nestjs/common';
import { ClientKafka, EventPattern, Payload } from '@nestjs/microservices';

@Controller()
export class BillingController {
  constructor(@Inject('BILLING') private readonly client: ClientKafka) {}

  @EventPattern('invoice.created')
  handle(@Payload() data: { id: string }) {
    this.client.emit('invoice.sent', data);
  }
}
`,
    });
    expect(summarize(kafkaApp)).toEqual(['src/billing.controller.ts:8 kafka.consume invoice.created', 'src/billing.controller.ts:10 kafka.produce invoice.sent']);
    const tcp = await analyzeTree({
      'src/main.ts': `import { Transport } from '@nestjs/microservices';
export const options = { transport: Transport.TCP, options: { port: 3001 } };
`,
      'src/math.controller.ts': `import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
@Controller()
export class MathController {
  @MessagePattern({ cmd: 'sum' })
  sum(data: number[]) { return data.reduce((a, b) => a + b, 0); }
}
`,
    });
    expect(tcp.detections).toEqual([]);
  });
});

describe('NATS (nats, @nats-io/*)', () => {
  it('counts publish/request/subscribe/respond, JetStream publish and consumers, and service endpoints', async () => {
    const r = await analyzeTree({
      'src/nats.ts': `import { connect, StringCodec } from 'nats';
const sc = StringCodec();

export async function run(): Promise<void> {
  const nc = await connect({ servers: 'nats://localhost:4222' });
  const sub = nc.subscribe('inventory.reserve.*', { queue: 'inventory' });
  for await (const msg of sub) {
    msg.respond(sc.encode('ok'));
  }
  nc.publish('inventory.changed', sc.encode('1'));
  await nc.request('pricing.quote', sc.encode('{}'), { timeout: 1000 });
  const js = nc.jetstream();
  await js.publish('orders.created', sc.encode('{}'));
  const consumer = await js.consumers.get('ORDERS', 'billing');
  const messages = await consumer.consume();
  for await (const m of messages) m.ack();
}
`,
      'src/svc.ts': `import { connect } from '@nats-io/transport-node';
import { Svcm } from '@nats-io/services';
export async function pricing() {
  const nc = await connect();
  const service = await new Svcm(nc).add({ name: 'pricing', version: '1.0.0' });
  service.addEndpoint('quote', { subject: 'pricing.quote', handler: (err, msg) => { if (!err) msg.respond('1'); } });
}
`,
    });
    expect(summarize(r)).toEqual([
      'src/nats.ts:6 nats.subscribe inventory.reserve.*',
      'src/nats.ts:8 nats.publish null',
      'src/nats.ts:10 nats.publish inventory.changed',
      'src/nats.ts:11 nats.publish pricing.quote',
      'src/nats.ts:13 nats.publish orders.created',
      'src/nats.ts:15 nats.subscribe null',
      'src/svc.ts:6 nats.subscribe pricing.quote',
      'src/svc.ts:6 nats.publish null',
    ]);
    expect(r.detections[0]?.channelIsPattern).toBe(true);
  });
});

describe('AMQP (amqplib, amqp-connection-manager)', () => {
  it('uses the exchange as channel of publish, the queue of sendToQueue/consume; topology is not counted', async () => {
    const r = await analyzeTree({
      'src/rabbit.ts': `import amqp from 'amqplib';
export async function start(): Promise<void> {
  const conn = await amqp.connect('amqp://localhost');
  const ch = await conn.createChannel();
  await ch.assertExchange('orders', 'topic', { durable: true });
  await ch.assertQueue('billing.orders');
  await ch.bindQueue('billing.orders', 'orders', 'order.*');
  ch.publish('orders', 'order.created', Buffer.from('{}'));
  ch.sendToQueue('emails', Buffer.from('{}'));
  await ch.consume('billing.orders', (msg) => { if (msg) ch.ack(msg); });
}
`,
      'src/mgr.js': `const amqp = require('amqp-connection-manager');
const connection = amqp.connect(['amqp://localhost']);
const wrapper = connection.createChannel({ json: true });
wrapper.sendToQueue('audit', { ok: true });
`,
    });
    expect(summarize(r)).toEqual([
      'src/mgr.js:4 amqp.publish audit',
      'src/rabbit.ts:8 amqp.publish orders',
      'src/rabbit.ts:9 amqp.publish emails',
      'src/rabbit.ts:10 amqp.consume billing.orders',
    ]);
    const flow = r.flows.find((f) => f.id === 'amqp:orders');
    expect(flow?.consumers).toEqual(['src/rabbit.ts:10:12:amqp.consume']);
  });
});

describe('Queues (BullMQ, Bull, NestJS)', () => {
  it('counts enqueue calls with the queue name, workers and processors; new Queue alone does not count', async () => {
    const r = await analyzeTree({
      'src/queues.ts': `import { Queue, Worker } from 'bullmq';
export enum QueueName { Email = 'email' }
export const emailQueue = new Queue(QueueName.Email, { connection: { host: 'redis' } });
new Worker(QueueName.Email, async (job) => job.data, { connection: { host: 'redis' } });
`,
      'src/signup.ts': `import { emailQueue } from './queues';
export async function signup(email: string) {
  await emailQueue.add('welcome', { email });
  await emailQueue.upsertJobScheduler('digest', { every: 60_000 });
}
`,
      'src/legacy.js': `const Queue = require('bull');
const video = new Queue('video', 'redis://localhost');
video.process(2, async (job) => job.data);
video.on('failed', () => undefined);
`,
      'src/mail.processor.ts': `import { Processor, Process } from '@nestjs/bull';
@Processor('mail')
export class MailProcessor {
  @Process('send')
  async send() {}
}
`,
    });
    expect(summarize(r)).toEqual([
      'src/legacy.js:3 queue.consume video',
      'src/mail.processor.ts:2 queue.consume mail',
      'src/mail.processor.ts:4 queue.consume mail',
      'src/queues.ts:4 queue.consume email',
      'src/signup.ts:3 queue.produce email',
      'src/signup.ts:4 queue.produce email',
    ]);
  });
});

describe('EventEmitter family', () => {
  it('counts emit/on of Node, eventemitter2/3 and @OnEvent, including subclasses and module-level buses', async () => {
    const r = await analyzeTree({
      'src/bus.ts': `import { EventEmitter } from 'node:events';
export const Events = Object.freeze({ Joined: 'player:joined' });
export class GameBus extends EventEmitter {
  start() { this.emit('game:started'); }
}
export const bus = new GameBus();
`,
      'src/lobby.ts': `import { bus, Events } from './bus';
export function join(name: string) { bus.emit(Events.Joined, name); }
bus.on(Events.Joined, (name: string) => console.log(name));
process.on('SIGINT', () => process.exit(0));
`,
      'src/audit.listener.ts': `import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
@Injectable()
export class AuditListener {
  @OnEvent('order.created')
  record() {}
}
`,
    });
    expect(summarize(r)).toEqual([
      'src/audit.listener.ts:5 emitter.on order.created',
      'src/bus.ts:4 emitter.emit game:started',
      'src/lobby.ts:2 emitter.emit player:joined',
      'src/lobby.ts:3 emitter.on player:joined',
    ]);
    expect(r.flows.find((f) => f.id === 'emitter:player:joined')).toMatchObject({ producers: ['src/lobby.ts:2:42:emitter.emit'], consumers: ['src/lobby.ts:3:5:emitter.on'] });
  });
});
