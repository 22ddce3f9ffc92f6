// Human names for brokers and detection kinds, for trees, tooltips and the status bar.

const BROKERS: Record<string, string> = {
  'socket.io': 'socket.io',
  ws: 'WebSocket (ws)',
  sse: 'Server-Sent Events',
  redis: 'Redis Pub/Sub',
  'redis-stream': 'Redis Streams',
  kafka: 'Kafka',
  nats: 'NATS',
  amqp: 'RabbitMQ (AMQP)',
  bullmq: 'BullMQ queues',
  emitter: 'EventEmitter (in-process)',
  trpc: 'tRPC subscriptions',
  outbox: 'Outbox',
  'tanstack-query': 'TanStack Query',
};

export function brokerLabel(broker: string): string {
  return BROKERS[broker] ?? broker;
}

export function kindLabel(kind: string): string {
  return kind.replace(/[._]/g, ' ');
}
