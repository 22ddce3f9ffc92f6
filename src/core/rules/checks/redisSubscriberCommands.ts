// broker-matching: a Redis connection that has subscribed is in subscriber mode and accepts only
// (P|S)SUBSCRIBE, (P|S)UNSUBSCRIBE, PING and QUIT (RESP2): `sub.get(...)` on it fails at run time
// ("Connection in subscriber mode, only subscriber commands may be used"). Commands need their own
// connection (`const sub = redis.duplicate()`).
import type { Finding } from '../types';
import type { Rule } from '../rule';

/** Regular Redis commands as ioredis (lower case) and node-redis v4 (camelCase) name them. */
const COMMANDS =
  /^(get|set|setex|setnx|getset|mget|mset|del|unlink|exists|expire|pexpire|ttl|incr|incrby|decr|decrby|append|hget|hset|hmset|hmget|hgetall|hdel|hincrby|hexists|lpush|rpush|lpop|rpop|lrange|llen|sadd|srem|smembers|sismember|scard|zadd|zrem|zrange|zrangebyscore|zscore|zincrby|publish|spublish|xadd|xread|xreadgroup|xack|eval|evalsha|multi|pipeline|keys|scan|sendCommand|call|json)$/i;

export const redisSubscriberCommandsRule: Rule = {
  meta: {
    id: 'redis-subscriber-commands',
    title: 'Redis subscriber connection reused for commands',
    principle: 'broker-matching',
    defaultSeverity: 'warning',
    description:
      'The same Redis connection subscribes and runs regular commands (GET, SET, PUBLISH, …): once subscribed it only accepts subscriber commands, so the others fail at run time. Give the subscriber its own connection (`client.duplicate()`).',
  },
  evaluate(ctx) {
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const d of ctx.detections('redis.subscribe')) {
      const receiver = /^([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\.(?:p|s)?subscribe\b/i.exec(d.snippet)?.[1];
      const src = ctx.source(d.file, d.service);
      if (!receiver || !src || seen.has(`${d.file}\u0000${receiver}`)) continue;
      const esc = receiver.replace(/[.$]/g, (c) => `\\${c}`);
      const call = new RegExp(`(?<![\\w$.])${esc}\\.([A-Za-z]+)\\s*\\(`, 'g');
      for (const m of src.view.masked.matchAll(call)) {
        const command = m[1] ?? '';
        if (!COMMANDS.test(command)) continue;
        seen.add(`${d.file}\u0000${receiver}`);
        const at = src.view.positionAt(m.index);
        findings.push({
          ruleId: 'redis-subscriber-commands',
          severity: 'warning',
          message: `\`${receiver}\` subscribes to ${d.channel ? `Redis channel \`${d.channel}\`` : 'a Redis channel'} and also runs \`${command}\`: a subscribed connection accepts only subscriber commands, so \`${command}\` fails at run time. Subscribe on its own connection (\`${receiver}.duplicate()\`).`,
          ...ctx.spanOf(d),
          principleId: 'broker-matching',
          fixes: [],
          related: [{ file: d.file, root: src.root, line: at.line, message: `\`${receiver}.${command}(…)\` on the subscriber connection` }],
        });
        break;
      }
    }
    return findings;
  },
};
