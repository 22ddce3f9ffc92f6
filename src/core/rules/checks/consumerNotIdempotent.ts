// outbox-pattern: the outbox, Kafka, RabbitMQ, BullMQ and Redis Streams all deliver at least once. A
// consumer that writes without a dedupe key, an upsert or an inbox table applies a redelivered message
// twice (a second order row, a doubled balance).
import type { DetectionKind } from '../../analysis/types';
import type { Finding } from '../types';
import type { Rule } from '../rule';
import { fixFor } from '../fixes';
import { targetOf } from '../describe';
import { durableWriteIn, guardsRedelivery, handlerSpan } from '../source/handlers';

/** Consumers of at-least-once brokers (Redis Pub/Sub and core NATS are at-most-once: no redelivery). */
const AT_LEAST_ONCE: DetectionKind[] = ['kafka.consume', 'amqp.consume', 'queue.consume', 'redis.stream.consume'];

export const consumerNotIdempotentRule: Rule = {
  meta: {
    id: 'consumer-not-idempotent',
    title: 'Consumer writes without deduplication',
    principle: 'outbox-pattern',
    defaultSeverity: 'warning',
    description:
      'A consumer of an at-least-once broker (Kafka, RabbitMQ, BullMQ, Redis Streams) writes to a database with no dedupe key, upsert, conflict clause or inbox table: a redelivered message is applied twice.',
  },
  evaluate(ctx) {
    return AT_LEAST_ONCE.flatMap((kind) => ctx.detections(kind)).flatMap((d): Finding[] => {
      const src = ctx.source(d.file, d.service);
      const span = src && handlerSpan(src, d);
      const write = src && span && durableWriteIn(src, span);
      if (!src || !span || write === undefined || guardsRedelivery(src, span)) return [];
      const writeAt = src.view.positionAt(write);
      return [
        {
          ruleId: 'consumer-not-idempotent',
          severity: 'warning',
          message: `The consumer of ${targetOf(d)} in \`${d.service}\` writes to the database without a dedupe key, upsert or inbox: the broker delivers at least once, so a redelivered message is applied twice.`,
          ...ctx.spanOf(d),
          principleId: 'outbox-pattern',
          fixes: [fixFor('idempotent-consumer', ctx.libraries(d.service), { fallback: 'postgres' })],
          related: [{ file: d.file, root: src.root, line: writeAt.line, message: 'the write a redelivery repeats' }],
        },
      ];
    });
  },
};
