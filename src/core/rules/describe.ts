// Human wording shared by rule messages: where a detection sits and what it publishes to.
import type { Detection } from '../analysis/types';
import type { LocatedSource } from './context';

const TARGETS: Record<string, string> = {
  kafka: 'Kafka topic',
  bullmq: 'BullMQ queue',
  amqp: 'RabbitMQ',
  nats: 'NATS subject',
  redis: 'Redis channel',
  'redis-stream': 'Redis stream',
  'socket.io': 'socket.io event',
  ws: 'WebSocket',
  emitter: 'event',
  trpc: 'tRPC subscription',
};

/** `Kafka topic `orders.created``, `BullMQ queue `email``; the broker alone when the channel is unknown. */
export function targetOf(d: Detection): string {
  const label = TARGETS[d.broker] ?? d.broker;
  if (d.channel === null) return label.replace(/ (topic|queue|channel|subject|stream|event|subscription)$/, '');
  if (d.broker === 'amqp') return `RabbitMQ ${d.snippet.includes('sendToQueue') ? 'queue' : 'exchange'} \`${d.channel}\``;
  return `${label} \`${d.channel}\``;
}

const ROUTE_CALL = /\.(get|post|put|patch|delete|all)\s*\(\s*(['"`])([^'"`\n]+)\2\s*,[\w\s$.,()]*$/;

/**
 * `in `OrdersService.create``, `in the `POST /api/orders` handler`, or '' when the code is anonymous.
 * Route handlers are anonymous arrows, so their route is read from the registering call.
 */
export function whereOf(d: Detection, src: LocatedSource | undefined): string {
  if (d.enclosingFunction) return ` in \`${d.enclosingFunction}\``;
  if (!src) return '';
  const fn = src.view.enclosingFunction(src.view.offsetAt(d.line, d.column));
  if (!fn) return '';
  const before = src.view.text.slice(Math.max(0, fn.headerStart - 300), fn.headerStart);
  const m = ROUTE_CALL.exec(before);
  return m?.[1] && m[3] ? ` in the \`${m[1].toUpperCase()} ${m[3]}\` handler` : '';
}
