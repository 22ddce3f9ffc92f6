import { describe, expect, it } from 'vitest';
import { analyzeTree, summarize } from './tree';

const PKG = JSON.stringify({ name: 'shop', dependencies: { ioredis: '5.4.1', amqplib: '0.10.4' } });

describe('wrappers that are methods and clients behind promises', () => {
  it('sees through a class method and an object literal method whose channel is a parameter', async () => {
    const r = await analyzeTree({
      'package.json': PKG,
      'src/bus.ts': `import Redis from 'ioredis';
export class Bus {
  private redis = new Redis();
  async emitTo(channel: string, body: string) {
    await this.redis.publish(channel, body);
  }
  async ping() {
    await this.redis.publish('bus:ping', '1');
  }
}
export const relay = {
  forward(room: string, body: string) {
    return new Redis().publish(\`room:\${room}\`, body);
  },
};
`,
      'src/orders.ts': `import { Bus, relay } from './bus';
const bus = new Bus();
export async function placed(id: string) {
  await bus.emitTo('orders.placed', id);
  await bus.ping();
  await relay.forward(id, 'placed');
}
`,
    });
    expect(summarize(r, ['redis.publish']).filter((l) => l.startsWith('src/orders.ts'))).toEqual([
      'src/orders.ts:4 redis.publish orders.placed',
      'src/orders.ts:6 redis.publish room:*',
    ]);
  });

  it('follows a cached connect().then(conn => conn.createChannel()) promise', async () => {
    const r = await analyzeTree({
      'package.json': PKG,
      'lib/mq.js': `const amqp = require('amqplib');
let channelP;
function channel() {
  if (!channelP) channelP = amqp.connect('amqp://mq').then((conn) => conn.createChannel());
  return channelP;
}
module.exports = { channel };
`,
      'worker.js': `const { channel } = require('./lib/mq');
channel().then((ch) => ch.consume('mail.outgoing', (m) => ch.ack(m)));
`,
    });
    expect(summarize(r, ['amqp.consume'])).toEqual(['worker.js:2 amqp.consume mail.outgoing']);
  });
});
