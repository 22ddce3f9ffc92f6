// Pre-answers of "Which broker?": the brokers the code already uses, whether what they carry must be
// durable (an event that follows a database write is a state change), and Kafka already being run.
import type { Broker, Detection } from '../../analysis/types';
import {
  BROKER_NAMES,
  PUBSUB_BROKERS,
  code,
  detectionEvidence,
  distinct,
  dualWriteBroker,
  dualWriteText,
  findingEvidence,
  findingsOf,
  servicesPhrase,
  take,
} from './facts';
import type { DecisionFacts, Evidence, PreAnswer } from './types';

/** "Kafka producers in 1 service (`@shop/orders`)", linked to the first producer. */
function brokerEvidence(facts: DecisionFacts, broker: Broker, detections: readonly Detection[]): Evidence[] {
  const name = BROKER_NAMES[broker] ?? broker;
  const on = detections.filter((d) => d.broker === broker);
  const out: Evidence[] = [];
  for (const role of ['producer', 'consumer'] as const) {
    const side = on.filter((d) => d.role === role);
    const first = side[0];
    if (!first) continue;
    const noun = broker === 'bullmq' ? (role === 'producer' ? 'job producers' : 'workers') : `${role}s`;
    out.push(detectionEvidence(facts, first, `${name} ${noun} in ${servicesPhrase(distinct(side.map((d) => d.service)))}`));
  }
  return out;
}

export function brokerPreAnswers(facts: DecisionFacts): Record<string, PreAnswer> {
  const out: Record<string, PreAnswer> = {};
  const messaging = facts.result.detections.filter((d) => PUBSUB_BROKERS.includes(d.broker) && (d.role === 'producer' || d.role === 'consumer'));
  const jobs = facts.result.detections.filter((d) => d.broker === 'bullmq');
  const brokers = distinct(messaging.map((d) => d.broker));
  if (brokers.length > 0) {
    out.purpose = {
      next: 'durability',
      reason: 'Services already exchange messages through a broker.',
      evidence: take(brokers.flatMap((b) => brokerEvidence(facts, b, messaging))),
      ...(jobs.length > 0 ? { caveat: 'BullMQ carries background jobs too: choose “Background jobs” if this decision is about them.' } : {}),
    };
  } else if (jobs.length > 0) {
    out.purpose = { next: 'bullmq', reason: 'The only queue in the code carries background jobs.', evidence: brokerEvidence(facts, 'bullmq', jobs) };
  }

  const dualWrites = findingsOf(facts, 'dual-write').filter((f) => {
    const broker = dualWriteBroker(f);
    return broker !== undefined && broker !== 'BullMQ';
  });
  const lost = findingsOf(facts, 'redis-pubsub-durable');
  const redelivered = findingsOf(facts, 'consumer-not-idempotent');
  if (dualWrites.length + lost.length + redelivered.length > 0) {
    out.durability = {
      next: 'throughput',
      reason: 'The messages record state changes: losing one leaves the other services wrong.',
      evidence: take([
        ...dualWrites.map((f) => findingEvidence(facts, f, dualWriteText(f))),
        ...lost.map((f) => findingEvidence(facts, f, `Redis Pub/Sub subscriber writes to a database in ${code(f.file)}`)),
        ...redelivered.map((f) => findingEvidence(facts, f, `Consumer writes to a database in ${code(f.file)}`)),
      ]),
    };
  }

  const kafka = messaging.filter((d) => d.broker === 'kafka');
  const nats = messaging.filter((d) => d.broker === 'nats');
  if (kafka.length > 0) {
    const topics = distinct(kafka.map((d) => d.channel).filter((c): c is string => c !== null));
    out.throughput = {
      next: 'opsBudget',
      reason: 'The events already stream through Kafka topics.',
      evidence: take([
        ...brokerEvidence(facts, 'kafka', kafka),
        ...(topics.length > 0 && kafka[0]
          ? [detectionEvidence(facts, kafka[0], `Kafka topics: ${topics.slice(0, 4).map(code).join(', ')}${topics.length > 4 ? ` and ${topics.length - 4} more` : ''}`)]
          : []),
      ]),
    };
    out.opsBudget = {
      next: 'kafka',
      reason: 'The team already runs Kafka.',
      evidence: brokerEvidence(facts, 'kafka', kafka),
      ...(nats.length > 0 ? { caveat: 'NATS is in use as well: a second broker to operate.' } : {}),
    };
  } else if (nats.length > 0) {
    out.throughput = { next: 'nats', reason: 'Services already message each other over NATS.', evidence: brokerEvidence(facts, 'nats', nats) };
  }
  return out;
}
