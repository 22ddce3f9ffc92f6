// Small queries over the facts that several trees' pre-answers share.
import type { Broker, Detection, DetectionKind } from '../../analysis/types';
import type { Finding, RuleId } from '../../rules/types';
import { visibleText } from '../../text';
import type { DecisionFacts, Evidence } from './types';

/** How many pieces of evidence one pre-answer lists: enough to check, few enough to read. */
export const EVIDENCE_CAP = 6;

/** A name from the code as inline code: hidden characters visible, capped, no backtick to end the span. */
export function code(name: string): string {
  return `\`${visibleText(name, { cap: 60, cut: 'middle' }).replace(/`/g, 'ʼ')}\``;
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function detectionsOf(facts: DecisionFacts, kinds: readonly DetectionKind[]): Detection[] {
  return facts.result.detections.filter((d) => kinds.includes(d.kind));
}

export function findingsOf(facts: DecisionFacts, rule: RuleId): Finding[] {
  return facts.findings.filter((f) => f.ruleId === rule);
}

export function detectionEvidence(facts: DecisionFacts, d: Detection, text: string): Evidence {
  return { text, root: facts.result.roots[d.root] ?? facts.result.roots[0] ?? '', file: d.file, line: d.line, column: d.column };
}

export function findingEvidence(facts: DecisionFacts, f: Finding, text: string): Evidence {
  return { text, root: f.root ?? facts.result.roots[0] ?? '', file: f.file, line: f.line, column: f.column };
}

export function distinct<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/** "1 service (`@shop/orders`)", "3 services (`a`, `b`, `c`)". */
export function servicesPhrase(services: readonly string[]): string {
  const shown = services.slice(0, 3).map(code).join(', ');
  const more = services.length > 3 ? ` and ${services.length - 3} more` : '';
  return `${services.length} ${services.length === 1 ? 'service' : 'services'} (${shown}${more})`;
}

export const BROKER_NAMES: Partial<Record<Broker, string>> = {
  kafka: 'Kafka',
  nats: 'NATS',
  amqp: 'RabbitMQ',
  redis: 'Redis Pub/Sub',
  'redis-stream': 'Redis Streams',
  bullmq: 'BullMQ',
};

/** Message brokers proper (not sockets, emitters or job queues). */
export const PUBSUB_BROKERS: readonly Broker[] = ['kafka', 'nats', 'amqp', 'redis', 'redis-stream'];

/** The dual-write finding's broker, read from its message ("publishes to Kafka topic …"). */
export function dualWriteBroker(f: Finding): string | undefined {
  return Object.values(BROKER_NAMES).find((name) => f.message.includes(name));
}

/** "dual write in `routes.ts:59`" — the example wording the UI and records use. */
export function dualWriteText(f: Finding): string {
  const m = /(topic|queue|subject|channel|exchange) `([^`]*)`/.exec(f.message);
  const then = m ? `: database write, then ${dualWriteBroker(f) ?? ''} ${m[1]} ${code(m[2] ?? '')}`.replace('  ', ' ') : '';
  return `Dual write in ${code(`${baseName(f.file)}:${f.line}`)}${then}`;
}

export function take<T>(items: readonly T[]): T[] {
  return items.slice(0, EVIDENCE_CAP);
}
