// Words for the navigation features (CodeLens titles, hover lines, symbol containers), kept in the core
// so the CLI or another editor could say the same thing.
import type { Broker, Detection, DetectionKind } from '../analysis/types';
import type { PrincipleId } from '../principles/types';
import type { Counterparts, FlowSide } from './flowGraph';

/** Detection kinds that publish or receive on a channel: the ones that get a CodeLens. */
export const MESSAGE_KINDS: ReadonlySet<DetectionKind> = new Set<DetectionKind>([
  'ws.emit', 'ws.on', 'redis.publish', 'redis.subscribe', 'redis.stream.produce', 'redis.stream.consume', 'kafka.produce',
  'kafka.consume', 'nats.publish', 'nats.subscribe', 'amqp.publish', 'amqp.consume', 'queue.produce', 'queue.consume',
  'emitter.emit', 'emitter.on', 'sse.endpoint', 'sse.client', 'trpc.subscription',
]);

const PRODUCING_KINDS: ReadonlySet<DetectionKind> = new Set<DetectionKind>([
  'ws.emit', 'redis.publish', 'redis.stream.produce', 'kafka.produce', 'nats.publish', 'amqp.publish', 'queue.produce',
  'emitter.emit', 'sse.endpoint', 'trpc.subscription',
]);

/** The side a message detection stands on by its kind (also when no flow holds it, e.g. an orphan). */
export function sideOfKind(kind: DetectionKind): Exclude<FlowSide, 'none'> | undefined {
  if (!MESSAGE_KINDS.has(kind)) return undefined;
  return PRODUCING_KINDS.has(kind) ? 'producer' : 'consumer';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * "3 consumers · 1 producer" above a publish, "1 producer · 2 consumers" above a handler (the other side
 * first, since that is where the user wants to go); "no consumer in this workspace" when the other side
 * is empty. Counts include the detection itself on its own side.
 */
export function lensTitle(d: Detection, sides: Counterparts): string {
  const side = sideOfKind(d.kind);
  const producers = sides.producers.length || (side === 'producer' ? 1 : 0);
  const consumers = sides.consumers.length || (side === 'consumer' ? 1 : 0);
  if (side === 'producer') return consumers === 0 ? 'no consumer in this workspace' : `${plural(consumers, 'consumer')} · ${plural(producers, 'producer')}`;
  return producers === 0 ? 'no producer in this workspace' : `${plural(producers, 'producer')} · ${plural(consumers, 'consumer')}`;
}

/** The principle a message on this broker bears on: the one the hover links to. */
export function principleOf(d: Detection): PrincipleId {
  if (d.kind.startsWith('mutation.')) return 'optimistic-updates';
  if (d.kind.startsWith('outbox.') || d.kind === 'dual_write') return 'outbox-pattern';
  return PRINCIPLE_BY_BROKER[d.broker];
}

const PRINCIPLE_BY_BROKER: Record<Broker, PrincipleId> = {
  sse: 'sse-default',
  'socket.io': 'websocket-pubsub-scaling',
  ws: 'websocket-pubsub-scaling',
  trpc: 'sse-default',
  redis: 'broker-matching',
  'redis-stream': 'broker-matching',
  kafka: 'broker-matching',
  nats: 'broker-matching',
  amqp: 'broker-matching',
  bullmq: 'broker-matching',
  emitter: 'event-sourcing-specialized',
  outbox: 'outbox-pattern',
  'tanstack-query': 'optimistic-updates',
};

/** What the channel is called on its broker: topic, subject, queue, event, route. */
export function channelNoun(broker: Broker): string {
  return CHANNEL_NOUN[broker];
}

const CHANNEL_NOUN: Record<Broker, string> = {
  sse: 'SSE route',
  'socket.io': 'socket.io event',
  ws: 'WebSocket message',
  trpc: 'tRPC subscription',
  redis: 'Redis channel',
  'redis-stream': 'Redis stream',
  kafka: 'Kafka topic',
  nats: 'NATS subject',
  amqp: 'RabbitMQ exchange or queue',
  bullmq: 'BullMQ queue',
  emitter: 'in-process event',
  outbox: 'outbox',
  'tanstack-query': 'query key',
};
