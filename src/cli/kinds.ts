// One line of human text per detection kind: SARIF rule descriptions and the text report's headings.
import type { DetectionKind } from '../core/analysis/types';

export interface KindText {
  /** PascalCase rule name for SARIF `reportingDescriptor.name`. */
  name: string;
  short: string;
}

export const KIND_TEXT: Record<DetectionKind, KindText> = {
  'sse.endpoint': { name: 'SseEndpoint', short: 'Server-Sent Events endpoint (text/event-stream)' },
  'sse.client': { name: 'SseClient', short: 'Server-Sent Events client (EventSource or streamed fetch)' },
  'ws.server': { name: 'WebSocketServer', short: 'WebSocket / socket.io server' },
  'ws.client': { name: 'WebSocketClient', short: 'WebSocket / socket.io client connection' },
  'ws.emit': { name: 'WebSocketEmit', short: 'Message or named event sent over a socket' },
  'ws.on': { name: 'WebSocketOn', short: 'Handler for a socket event' },
  'ws.adapter': { name: 'WebSocketAdapter', short: 'socket.io multi-instance adapter' },
  'redis.publish': { name: 'RedisPublish', short: 'Redis Pub/Sub publish' },
  'redis.subscribe': { name: 'RedisSubscribe', short: 'Redis Pub/Sub subscribe' },
  'redis.stream.produce': { name: 'RedisStreamProduce', short: 'Redis stream append (XADD)' },
  'redis.stream.consume': { name: 'RedisStreamConsume', short: 'Redis stream read (XREAD / XREADGROUP)' },
  'kafka.produce': { name: 'KafkaProduce', short: 'Kafka produce' },
  'kafka.consume': { name: 'KafkaConsume', short: 'Kafka consumer subscription' },
  'nats.publish': { name: 'NatsPublish', short: 'NATS publish or request' },
  'nats.subscribe': { name: 'NatsSubscribe', short: 'NATS subscription or JetStream consumer' },
  'amqp.publish': { name: 'AmqpPublish', short: 'AMQP (RabbitMQ) publish or sendToQueue' },
  'amqp.consume': { name: 'AmqpConsume', short: 'AMQP (RabbitMQ) consume' },
  'queue.produce': { name: 'QueueProduce', short: 'Job queue enqueue (BullMQ / Bull)' },
  'queue.consume': { name: 'QueueConsume', short: 'Job queue worker or processor' },
  'emitter.emit': { name: 'EmitterEmit', short: 'In-process event emit' },
  'emitter.on': { name: 'EmitterOn', short: 'In-process event listener' },
  'trpc.subscription': { name: 'TrpcSubscription', short: 'tRPC subscription procedure' },
  'outbox.table': { name: 'OutboxTable', short: 'Transactional outbox table or model' },
  'outbox.relay': { name: 'OutboxRelay', short: 'Outbox relay reading pending rows' },
  dual_write: { name: 'DualWrite', short: 'Database write and external publish without an outbox' },
  'mutation.optimistic': { name: 'OptimisticMutation', short: 'TanStack Query mutation with optimistic cache update' },
  'mutation.plain': { name: 'PlainMutation', short: 'TanStack Query mutation without optimistic update' },
};
