// broker-matching: Redis Pub/Sub is fire-and-forget. A message published while the subscriber is down,
// restarting or reconnecting is gone; when its handler writes durable state, that state silently
// diverges. Redis Streams (consumer groups), NATS JetStream, Kafka or RabbitMQ keep the message.
import type { Finding } from '../types';
import type { Rule } from '../rule';
import { durableWriteIn, handlerSpan } from '../source/handlers';

export const redisPubsubDurableRule: Rule = {
  meta: {
    id: 'redis-pubsub-durable',
    title: 'Redis Pub/Sub subscriber that writes durable state',
    principle: 'broker-matching',
    defaultSeverity: 'warning',
    description:
      'A Redis Pub/Sub subscriber whose handler writes to a database: Pub/Sub delivers at most once, so every message published while the subscriber is down or reconnecting is lost and the stored state drifts. Use a durable broker (Redis Streams with a consumer group, NATS JetStream, Kafka, RabbitMQ).',
  },
  evaluate(ctx) {
    return ctx.detections('redis.subscribe').flatMap((d): Finding[] => {
      const src = ctx.source(d.file, d.service);
      const span = src && handlerSpan(src, d);
      const write = src && span && durableWriteIn(src, span);
      if (!src || write === undefined) return [];
      const channel = d.channel ? `Redis channel \`${d.channel}\`` : 'a Redis channel';
      const writeAt = src.view.positionAt(write);
      return [
        {
          ruleId: 'redis-pubsub-durable',
          severity: 'warning',
          message: `The handler of ${channel} in \`${d.service}\` writes to the database, but Redis Pub/Sub delivers at most once: messages published while this subscriber is down or reconnecting are lost, and the stored state drifts. Use Redis Streams with a consumer group, NATS JetStream, Kafka or RabbitMQ.`,
          ...ctx.spanOf(d),
          principleId: 'broker-matching',
          fixes: [],
          related: [{ file: d.file, root: src.root, line: writeAt.line, message: 'the durable write' }],
        },
      ];
    });
  },
};
