import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/rules/index';
import { brief, count, evaluateTree, pkg } from './ruleTree';

const rule = (findings: Finding[]): Finding[] => findings.filter((f) => f.ruleId === 'redis-subscriber-commands');

describe('rule redis-subscriber-commands', () => {
  it('flags an ioredis connection that subscribes and also runs GET', async () => {
    const { findings, kinds } = await evaluateTree({
      'package.json': pkg('presence', { ioredis: '5.4.1' }),
      'src/presence.ts': `import Redis from 'ioredis';

const redis = new Redis();
redis.subscribe('presence');
redis.on('message', async (_channel, userId) => {
  const name = await redis.get(\`user:\${userId}:name\`);
  console.log(name);
});
`,
    });
    expect(count(kinds, 'redis.subscribe')).toBe(1);
    expect(brief(rule(findings))).toEqual(['redis-subscriber-commands warning src/presence.ts:4']);
    expect(rule(findings)[0] && (rule(findings)[0] as { related?: { line: number }[] }).related?.[0]?.line).toBe(6);
  });

  it('stays quiet when the subscriber is a duplicate connection and commands go to the main one', async () => {
    const { findings, kinds } = await evaluateTree({
      'package.json': pkg('presence', { redis: '4.7.0' }),
      'src/presence.ts': `import { createClient } from 'redis';

const redis = createClient();
const sub = redis.duplicate();
await Promise.all([redis.connect(), sub.connect()]);
await sub.subscribe('presence', async (userId) => {
  const name = await redis.get(\`user:\${userId}:name\`);
  await redis.hSet('seen', userId, Date.now());
  console.log(name);
});
`,
    });
    expect(count(kinds, 'redis.subscribe')).toBe(1);
    expect(brief(findings)).toEqual([]); // no rule at all fires on a negative
  });
});
