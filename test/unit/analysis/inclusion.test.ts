import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IncrementalAnalyzer, analyze } from '../../../src/core/analysis/index';
import type { AnalysisResult } from '../../../src/core/analysis/index';
import { namespaceMembers } from '../../../src/core/analysis/discovery/prefilter';
import { analyzeTree, removeTree, writeTree } from './tree';

// A stage-1 module (it imports `node:events`) that exports a bus and ordinary helpers: files that import
// only the helpers cannot hold a construct and are not parsed; files that use the bus are.
const EVENTS = [
  `import { EventEmitter } from 'node:events';`,
  `export const bus = new EventEmitter();`,
  `export function formatDate(d: string): string {`,
  `  return new Date(d).toISOString();`,
  `}`,
  `export class Money {`,
  `  constructor(readonly cents: number) {}`,
  `  add(other: Money): Money { return new Money(this.cents + other.cents); }`,
  `}`,
  ``,
].join('\n');

const EVENTS_WRAPPING = `${EVENTS}export function announce(topic: string): void {\n  bus.emit(topic, { at: Date.now() });\n}\n`;

const kindsAt = (r: AnalysisResult, file: string): string[] => r.detections.filter((d) => d.file === file).map((d) => `${d.kind}:${d.channel}@${d.line}`);

describe('which files importing a stage-1 module are parsed', () => {
  it('skips files that use only its helpers and parses those that use its bus', async () => {
    const r = await analyzeTree({
      'package.json': '{ "name": "billing" }',
      'src/events.ts': EVENTS,
      'src/report.ts': `import { formatDate, Money } from './events';\nexport const line = (d: string) => formatDate('2026-01-01') + new Money(5).add(new Money(1)).cents + d;\n`,
      'src/orders.ts': `import { bus } from './events';\nexport function placed(id: string) {\n  bus.emit('order.placed', { id });\n}\n`,
    });
    expect(r.stats.filesParsed).toBe(2);
    expect(kindsAt(r, 'src/orders.ts')).toEqual(['emitter.emit:order.placed@3']);
    expect(kindsAt(r, 'src/report.ts')).toEqual([]);
  });

  it('narrows a namespace import to the members it uses', async () => {
    const r = await analyzeTree({
      'package.json': '{ "name": "billing" }',
      'src/events.ts': EVENTS,
      // A comment naming the namespace bare is not a use.
      'src/report.ts': `import * as events from './events';\n// events is only used for formatting here\nexport const stamp = () => events.formatDate('2026-01-01');\n`,
      'src/orders.ts': `import * as events from './events';\nexport const placed = () => events.bus.emit('order.placed');\n`,
    });
    expect(r.stats.filesParsed).toBe(2);
    expect(kindsAt(r, 'src/orders.ts')).toEqual(['emitter.emit:order.placed@2']);
  });

  it('parses a file whose CommonJS require is constructed, when the module exports an emitter subclass', async () => {
    const r = await analyzeTree({
      'package.json': '{ "name": "jobs" }',
      'lib/store.js': `const EventEmitter = require('events');\nclass Store extends EventEmitter {}\nmodule.exports = Store;\n`,
      'lib/app.js': `const Store = require('./store');\nconst store = new Store();\nstore.emit('job.saved', { id: 1 });\n`,
    });
    expect(kindsAt(r, 'lib/app.js')).toEqual(['emitter.emit:job.saved@3']);
  });

  it('includes a caller once the helper it calls starts wrapping the bus (incremental equals cold)', async () => {
    const files = {
      'package.json': '{ "name": "billing" }',
      'src/events.ts': EVENTS,
      'src/notify.ts': `import { announce } from './events';\nexport const paid = () => announce('invoice.paid');\n`,
    };
    const root = writeTree(files);
    roots.push(root);
    const inc = new IncrementalAnalyzer([root]);
    const first = await inc.initialize();
    expect(kindsAt(first, 'src/notify.ts')).toEqual([]);
    fs.writeFileSync(path.join(root, 'src/events.ts'), EVENTS_WRAPPING);
    await inc.updateFile(path.join(root, 'src/events.ts'));
    const cold = await analyze([root]);
    expect(kindsAt(inc.result(), 'src/notify.ts')).toEqual(['emitter.emit:invoice.paid@2']);
    expect(inc.result().detections).toEqual(cold.detections);
    // And back: the helper no longer wraps the bus.
    fs.writeFileSync(path.join(root, 'src/events.ts'), EVENTS);
    await inc.updateFile(path.join(root, 'src/events.ts'));
    expect(kindsAt(inc.result(), 'src/notify.ts')).toEqual([]);
    expect(inc.result().detections).toEqual((await analyze([root])).detections);
  });

  const roots: string[] = [];
  afterAll(() => roots.forEach(removeTree));
});

describe('namespaceMembers', () => {
  it('lists the members a namespace is used through', () => {
    const text = `import * as schema from './schema';\nconst a = schema.Empty;\nconst b = schema\n  .asProblem(x);\ntype T = schema.Status;\n`;
    expect([...(namespaceMembers(text, 'schema') ?? [])]).toEqual(['Empty', 'asProblem', 'Status']);
  });

  it('takes a constructed or called CommonJS module as its default export', () => {
    const text = `const Cursor = require('./cursor');\nconst c = new Cursor(q);\nclass Mine extends Cursor {}\n`;
    expect([...(namespaceMembers(text, 'Cursor') ?? [])]).toEqual(['default']);
  });

  it('gives up (null) when the namespace is passed along bare', () => {
    expect(namespaceMembers(`import * as events from './events';\nregister(events);\n`, 'events')).toBeNull();
  });
});

describe('a package folder resolves to its entry', () => {
  it("follows `require('../')` in a package's own examples to its main module", async () => {
    const r = await analyzeTree({
      'package.json': JSON.stringify({ name: 'tiny-nats-client', main: 'lib/index.js', dependencies: { nats: '2.29.3' } }),
      // The library's binding handed on by assignment is what the examples use.
      'lib/index.js': `const { connect, StringCodec } = require('nats');\nexports.connect = connect;\nexports.StringCodec = StringCodec;\n`,
      'examples/pub.js': `const { connect } = require('../');\n(async () => {\n  const nc = await connect({ servers: 'localhost:4222' });\n  nc.publish('greetings.hello', 'hi');\n})();\n`,
    });
    expect(kindsAt(r, 'examples/pub.js')).toEqual(['nats.publish:greetings.hello@4']);
  });

  it('prefers `exports` over `main`, and falls back to an index file', async () => {
    const r = await analyzeTree({
      'package.json': JSON.stringify({ name: 'bus', main: 'old.js', exports: { '.': { require: './src/bus.js' } } }),
      'old.js': `module.exports = {};\n`,
      'src/bus.js': `const { EventEmitter } = require('events');\nmodule.exports = new EventEmitter();\n`,
      'demo/index.js': `const bus = require('..');\nbus.emit('demo.started');\n`,
      'plugins/package.json': JSON.stringify({ name: 'bus-plugins' }),
      'plugins/index.js': `const { EventEmitter } = require('events');\nmodule.exports = new EventEmitter();\n`,
      'demo/plugins.js': `const plugins = require('../plugins');\nplugins.emit('plugin.loaded');\n`,
    });
    expect(kindsAt(r, 'demo/index.js')).toEqual(['emitter.emit:demo.started@2']);
    expect(kindsAt(r, 'demo/plugins.js')).toEqual(['emitter.emit:plugin.loaded@2']);
  });
});

describe("a library's own repository", () => {
  it('takes its examples, which import it by name or by folder, as uses of the library', async () => {
    const r = await analyzeTree({
      'package.json': JSON.stringify({ name: 'amqplib', main: './channel_api.js' }),
      'channel_api.js': `const { ChannelModel } = require('./lib/channel_model');\nmodule.exports.connect = (url) => ChannelModel.open(url);\n`,
      'lib/channel_model.js': `class ChannelModel {\n  static open(url) { return new ChannelModel(url); }\n  constructor(url) { this.url = url; }\n}\nmodule.exports = { ChannelModel };\n`,
      'examples/send.js': `const amqp = require('amqplib');\n(async () => {\n  const ch = await (await amqp.connect('amqp://localhost')).createChannel();\n  ch.sendToQueue('hello', Buffer.from('hi'));\n})();\n`,
      'examples/confirm.js': `const amqp = require('../');\n(async () => {\n  const ch = await (await amqp.connect('amqp://localhost')).createConfirmChannel();\n  ch.publish('amq.topic', 'whatever', Buffer.from('x'));\n})();\n`,
    });
    expect(kindsAt(r, 'examples/send.js')).toEqual(['amqp.publish:hello@4']);
    expect(kindsAt(r, 'examples/confirm.js')).toEqual(['amqp.publish:amq.topic@4']);
  });
});

describe('importers through bare specifiers', () => {
  it('parses a file that uses a client imported through a tsconfig paths alias', async () => {
    const r = await analyzeTree({
      'package.json': JSON.stringify({ name: 'builds-web', dependencies: { next: '15.3.0', ioredis: '5.6.1' } }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['./*'] } } }),
      'lib/redis.ts': `import Redis from 'ioredis';\nexport const redis = new Redis(process.env.REDIS_URL!);\n`,
      'app/api/builds/route.ts': `import { redis } from '@/lib/redis';\nexport async function POST(req: Request) {\n  const build = await req.json();\n  await redis.publish('builds:events', JSON.stringify(build));\n  return Response.json(build, { status: 201 });\n}\n`,
    });
    expect(kindsAt(r, 'app/api/builds/route.ts')).toEqual(['redis.publish:builds:events@4']);
  });

  it('parses a service that calls a wrapper of a workspace package imported by name', async () => {
    const r = await analyzeTree({
      'package.json': JSON.stringify({ name: 'platform', private: true, workspaces: ['packages/*', 'services/*'] }),
      'packages/bus/package.json': JSON.stringify({ name: '@acme/bus', main: 'src/index.ts', dependencies: { kafkajs: '2.2.4' } }),
      'packages/bus/src/index.ts': `import { Kafka } from 'kafkajs';\nconst producer = new Kafka({ brokers: ['kafka:9092'] }).producer();\nexport async function emitEvent(topic: string, payload: unknown) {\n  await producer.send({ topic, messages: [{ value: JSON.stringify(payload) }] });\n}\n`,
      'services/billing/package.json': JSON.stringify({ name: 'billing', dependencies: { '@acme/bus': '*' } }),
      'services/billing/src/paid.ts': `import { emitEvent } from '@acme/bus';\nexport const paid = (id: string) => emitEvent('billing.invoice-paid', { id });\n`,
    });
    expect(kindsAt(r, 'services/billing/src/paid.ts')).toEqual(['kafka.produce:billing.invoice-paid@2']);
  });
});

describe('Fastify decorations', () => {
  const PLUGIN = (member: string): string =>
    `import fp from 'fastify-plugin';\nimport Redis from 'ioredis';\nexport default fp(async (app) => {\n  app.decorate('${member}', new Redis());\n});\n`;
  const ROUTE = `import type { FastifyPluginAsync } from 'fastify';\nexport const routes: FastifyPluginAsync = async (app) => {\n  app.post('/ping', async () => app.cache.publish('pings', 'x'));\n};\n`;

  it('follows a decorated client into a route file that imports nothing, and drops it when the plugin changes', async () => {
    const root = writeTree({ 'package.json': '{ "name": "api" }', 'src/plugin.ts': PLUGIN('cache'), 'src/routes.ts': ROUTE });
    roots.push(root);
    const inc = new IncrementalAnalyzer([root]);
    expect(kindsAt(await inc.initialize(), 'src/routes.ts')).toEqual(['redis.publish:pings@3']);
    const plugin = path.join(root, 'src/plugin.ts');
    fs.writeFileSync(plugin, PLUGIN('store'));
    await inc.updateFile(plugin);
    expect(kindsAt(inc.result(), 'src/routes.ts')).toEqual([]);
    expect(inc.result().detections).toEqual((await analyze([root])).detections);
    fs.writeFileSync(plugin, PLUGIN('cache'));
    await inc.updateFile(plugin);
    expect(kindsAt(inc.result(), 'src/routes.ts')).toEqual(['redis.publish:pings@3']);
  });

  const roots: string[] = [];
  afterAll(() => roots.forEach(removeTree));
});
