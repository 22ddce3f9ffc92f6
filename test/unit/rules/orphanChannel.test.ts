import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/rules/index';
import { brief, evaluateTree, pkg } from './ruleTree';

const rule = (findings: Finding[]): Finding[] => findings.filter((f) => f.ruleId === 'orphan-channel');

const nats = (pub: string, sub: string) => ({
  'package.json': pkg('orders', { nats: '2.29.1' }),
  'src/pub.ts': `import { connect } from 'nats';
const nc = await connect();
${pub}
`,
  'src/sub.ts': `import { connect } from 'nats';
const nc = await connect();
${sub}
`,
});

describe('rule orphan-channel', () => {
  it('flags a subject published but never consumed, and one consumed but never published (a typo)', async () => {
    const { findings } = await evaluateTree(
      nats(`nc.publish('orders.created', 'x');\nnc.publish('orders.shipped', 'y');`, `nc.subscribe('orders.created', { callback: () => {} });\nnc.subscribe('order.shipped', { callback: () => {} });`),
    );
    expect(brief(rule(findings))).toEqual(['orphan-channel information src/pub.ts:4', 'orphan-channel information src/sub.ts:4']);
    expect((rule(findings)[0] as { message: string }).message).toContain('Nothing in this workspace consumes NATS subject `orders.shipped`');
    expect((rule(findings)[1] as { message: string }).message).toContain('Nothing in this workspace publishes to NATS subject `order.shipped`');
  });

  it('counts a wildcard subscription as the consumer (no finding for either side)', async () => {
    const { findings } = await evaluateTree(nats(`nc.publish('orders.created', 'x');\nnc.publish('orders.shipped', 'y');`, `nc.subscribe('orders.*', { callback: () => {} });`));
    expect(brief(findings)).toEqual([]); // no rule at all fires on a negative
  });

  it('stays quiet when the workspace holds only one side of the broker (the other side lives elsewhere)', async () => {
    const { findings } = await evaluateTree({
      'package.json': pkg('orders', { kafkajs: '2.2.4' }),
      'src/pub.ts': `import { Kafka } from 'kafkajs';
const producer = new Kafka({ clientId: 'o', brokers: ['k:9092'] }).producer();
await producer.send({ topic: 'orders.created', messages: [] });
`,
    });
    expect(brief(findings)).toEqual([]); // no rule at all fires on a negative
  });
});
