import { describe, expect, it } from 'vitest';
import { analyzeTree, summarize } from './tree';

describe('channels from spread arrays', () => {
  it('resolves `topics: [...IMPORTED, LOCAL]` to one detection per topic', async () => {
    const r = await analyzeTree({
      'package.json': JSON.stringify({ name: 'audit', dependencies: { kafkajs: '2.2.4' } }),
      'src/topics.ts': `export const ORDER_TOPICS = ['orders.created', 'orders.shipped'] as const;\n`,
      'src/listen.ts': `import { Kafka } from 'kafkajs';
import { ORDER_TOPICS } from './topics';

const AUDIT_TOPIC = 'audit.events';
const consumer = new Kafka({ clientId: 'audit', brokers: ['kafka:9092'] }).consumer({ groupId: 'audit' });

export async function listen(): Promise<void> {
  await consumer.subscribe({ topics: [...ORDER_TOPICS, AUDIT_TOPIC] });
}
`,
    });
    expect(summarize(r, ['kafka.consume'])).toEqual([
      'src/listen.ts:8 kafka.consume orders.created',
      'src/listen.ts:8 kafka.consume orders.shipped',
      'src/listen.ts:8 kafka.consume audit.events',
    ]);
  });
});
