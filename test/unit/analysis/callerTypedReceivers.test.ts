import { describe, expect, it } from 'vitest';
import { analyzeTree, summarize } from './tree';

describe('receivers and channels typed by the callers', () => {
  it('types an untyped parameter receiver by what its callers pass', async () => {
    const r = await analyzeTree({
      'package.json': JSON.stringify({ name: 'board', dependencies: { express: '4.19.2' } }),
      'src/hub.js': `const { EventEmitter } = require('node:events');
class Hub extends EventEmitter {
  post(p) { this.emit('posted', p); }
}
module.exports = { Hub };
`,
      'src/wire.js': `const express = require('express');
module.exports = function wire(hub) {
  const router = express.Router();
  router.get('/feed', (req, res) => {
    res.setHeader('Content-Type', 'text/event-stream');
    hub.on('posted', (p) => res.write(\`data: \${JSON.stringify(p)}\\n\\n\`));
    hub.on('data', () => undefined);
  });
  ['joined', 'left'].forEach((name) => hub.on(name, () => undefined));
  return router;
};
`,
      'src/main.js': `const fs = require('node:fs');
const { Hub } = require('./hub');
const wire = require('./wire');
wire(new Hub());
const hub = new Hub();
wire(hub);
wire(fs.createReadStream('x'));
`,
    });
    expect(summarize(r, ['emitter.on'])).toEqual(['src/wire.js:6 emitter.on posted', 'src/wire.js:7 emitter.on data']);
  });

  it('finds no listener on the parameter when no caller passes an emitter', async () => {
    const r = await analyzeTree({
      'package.json': JSON.stringify({ name: 'board', dependencies: { express: '4.19.2' } }),
      'src/wire.js': `const express = require('express');
module.exports = function wire(source) {
  const router = express.Router();
  router.get('/feed', (req, res) => {
    res.setHeader('Content-Type', 'text/event-stream');
    source.on('data', (c) => res.write(\`data: \${c.length}\\n\\n\`));
  });
  return router;
};
`,
      'src/main.js': `const fs = require('node:fs');
const { EventEmitter } = require('node:events');
const wire = require('./wire');
const ticks = new EventEmitter();
ticks.on('tick', () => undefined);
wire(fs.createReadStream('x'));
wire({ on() {} });
`,
    });
    expect(summarize(r, ['emitter.on'])).toEqual(['src/main.js:5 emitter.on tick']);
  });

  it('counts a whole-routing-key AMQP helper per call, not one that only embeds a parameter', async () => {
    const r = await analyzeTree({
      'package.json': JSON.stringify({ name: 'depot', dependencies: { amqplib: '0.10.4' } }),
      'lib/bus.js': `const amqp = require('amqplib');
let ch;
async function open() { ch = await (await amqp.connect('amqp://mq')).createChannel(); }
function send(key, body) { return ch.publish('depot', key, Buffer.from(body)); }
function counted(bin) { return ch.publish('depot', \`bin.\${bin}.counted\`, Buffer.from('1')); }
module.exports = { open, send, counted };
`,
      'src/use.js': `const bus = require('../lib/bus');
bus.send('part.added', '{}');
bus.counted('b7');
`,
    });
    expect(summarize(r, ['amqp.publish'])).toEqual(['lib/bus.js:4 amqp.publish depot', 'lib/bus.js:5 amqp.publish depot', 'src/use.js:2 amqp.publish depot']);
  });

  it('expands a topic array passed to a subscribe helper into one consume per topic', async () => {
    const r = await analyzeTree({
      'package.json': JSON.stringify({ name: 'ledger', dependencies: { kafkajs: '2.2.4' } }),
      'src/kafka.ts': `import { Kafka } from 'kafkajs';
const kafka = new Kafka({ clientId: 'l', brokers: ['k:9092'] });
export async function listen(groupId: string, topics: string[]) {
  const c = kafka.consumer({ groupId });
  await c.subscribe({ topics });
}
`,
      'src/main.ts': `import { listen } from './kafka';
void listen('g', ['a.one', 'a.two']);
`,
    });
    expect(summarize(r, ['kafka.consume'])).toEqual(['src/kafka.ts:5 kafka.consume null', 'src/main.ts:2 kafka.consume a.one', 'src/main.ts:2 kafka.consume a.two']);
  });
});
