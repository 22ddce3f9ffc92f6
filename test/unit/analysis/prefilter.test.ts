import { describe, expect, it } from 'vitest';
import { importedNames, prefilter } from '../../../src/core/analysis/discovery/prefilter';

// The prefilter's fast paths (one combined pre-scan for stage 1, a cheap look before the re-export and
// binding patterns) must accept exactly what the full patterns accept.

describe('prefilter stage 1', () => {
  it('accepts each kind of stage-1 construct behind the combined pre-scan', () => {
    const cases: Record<string, string> = {
      library: `import { Kafka } from 'kafkajs';\nconst kafka = new Kafka({ brokers: ['k:9092'] });\n`,
      require: `const Redis = require('ioredis');\nconst redis = new Redis();\n`,
      token: `export function live(url: string) {\n  return new EventSource(url);\n}\n`,
      sse: `res.writeHead(200, { 'Content-Type': 'text/event-stream' });\n`,
      outbox: `await knex.schema.createTable('order_outbox', (t) => { t.increments('id'); });\n`,
      fetchReader: `const res = await fetch('/stream');\nconst line = 'data: ' + chunk;\nif (raw.startsWith("data:")) handle(raw);\n`,
    };
    for (const [name, text] of Object.entries(cases)) expect(prefilter(text).stage1, name).toBe(true);
  });

  it('rejects files whose tokens appear without the construct', () => {
    const text = `// We used to fetch the outbox here.\nexport const label = 'EventSource is not used';\nexport function total(xs: number[]) {\n  return xs.reduce((a, b) => a + b, 0);\n}\n`;
    expect(prefilter(text).stage1).toBe(false);
    expect(prefilter(`import { format } from 'date-fns';\nexport const d = format(new Date(), 'P');\n`).stage1).toBe(false);
  });
});

describe('prefilter: tokens in comments and constructor prototypes', () => {
  it('ignores construct tokens that only appear on whole-line comments', () => {
    const doc = [
      `/**`,
      ` * Return an async generator from \`.subscription()\` instead.`,
      ` */`,
      `// see httpSubscriptionLink for the client side`,
      `export type Kind = 'query' | 'mutation' | 'subscription';`,
    ].join('\n');
    expect(prefilter(doc).stage1).toBe(false);
  });

  it('still accepts a token in code, also after a closed comment or a URL with //', () => {
    expect(prefilter(`/* eslint-disable */ const es = new EventSource(url);\n`).stage1).toBe(true);
    expect(prefilter(`const es = base === 'http://x' ? new EventSource(base) : null;\n`).stage1).toBe(true);
    expect(prefilter(`/** live feed */\nexport const feed = t.procedure.subscription(async function* () {});\n`).stage1).toBe(true);
  });

  it('does not count a constructor used only through its prototype', () => {
    const text = `const { EventEmitter: EE } = require('node:events');\nfunction tap(body) {\n  EE.prototype.on.call(body, 'data', () => {});\n}\nmodule.exports = { tap };\n`;
    expect(prefilter(text).stage1).toBe(false);
  });

  it('ignores a library named only in a JSDoc type import', () => {
    const text = `/**\n * @template {import("events").EventEmitter} T\n * @param {T} emitter\n */\nfunction once(emitter) {\n  return emitter;\n}\n`;
    expect(prefilter(text).stage1).toBe(false);
    expect(prefilter(`/* shared */ const { EventEmitter } = require('events');\nexport const bus = new EventEmitter();\n`).stage1).toBe(true);
  });

  it('counts the prototype use when the constructor itself may escape the file, and any real use', () => {
    const escapes = `const EE = require('events');\nEE.prototype.on.call(x, 'data', f);\nmodule.exports = { EE };\n`;
    expect(prefilter(escapes).stage1).toBe(true);
    const constructed = `const EE = require('events');\nEE.prototype.on.call(x, 'data', f);\nexport const bus = new EE();\n`;
    expect(prefilter(constructed).stage1).toBe(true);
  });
});

describe('prefilter re-exports and imported names', () => {
  it('finds re-exports with any spacing and skips export declarations', () => {
    const text = [
      `export * from './topics';`,
      `export\n  { publishOrder as publish } from "./bus";`,
      `export{ Client }from'./client'`,
      `export * as events from '../events/index';`,
      `export const local = 1;`,
      `exports.legacy = require('./legacy');`,
      `export default function main() {}`,
    ].join('\n');
    expect(prefilter(text).reexportSpecs).toEqual(['./topics', './bus', './client', '../events/index']);
  });

  it('binds names of imports and requires with any spacing before the specifier', () => {
    const text = [
      `import { redis, publisher as pub } from\n  './clients/redisConnection';`,
      `import bus from "../shared/eventBus";`,
      `const { queue } = require (\n  './queues/orderQueue');`,
      `const worker = await import( './workers/emailWorker');`,
      `const label = './not/an/import';`,
      `console.log('../also/not/an/import');`,
    ].join('\n');
    expect(prefilter(text).importSpecs).toEqual(['./clients/redisConnection', '../shared/eventBus', './queues/orderQueue', './workers/emailWorker']);
    const names = new Map(importedNames(text).map(([local, spec, imported]) => [local, `${spec} ${imported}`]));
    expect(names).toEqual(
      new Map([
        ['redis', './clients/redisConnection redis'],
        ['pub', './clients/redisConnection publisher'],
        ['bus', '../shared/eventBus default'],
        ['queue', './queues/orderQueue queue'],
        ['worker', './workers/emailWorker *'],
      ]),
    );
  });
});
