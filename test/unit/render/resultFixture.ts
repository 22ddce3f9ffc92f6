// Builds realistic AnalysisResult values for renderer and CLI tests, the way the analyzer reports them.
import type { AnalysisResult, Broker, Detection, DetectionKind, Flow, Role } from '../../../src/core/analysis/types';

export interface DetectionInput {
  kind: DetectionKind;
  library: string;
  broker: Broker;
  role: Role;
  channel: string | null;
  file: string;
  line: number;
  service: string;
  enclosingFunction?: string | null;
  column?: number;
  snippet?: string;
}

export function detection(input: DetectionInput): Detection {
  const column = input.column ?? 5;
  return {
    id: `${input.file}:${input.line}:${column}:${input.kind}`,
    kind: input.kind,
    library: input.library,
    broker: input.broker,
    role: input.role,
    channel: input.channel,
    channelIsPattern: input.channel?.includes('*') ?? false,
    file: input.file,
    root: 0,
    line: input.line,
    column,
    endLine: input.line,
    endColumn: column + 20,
    enclosingFunction: input.enclosingFunction ?? null,
    service: input.service,
    snippet: input.snippet ?? `${input.kind}(${JSON.stringify(input.channel)})`,
  };
}

/** Pairs producers and consumers by broker + exact channel, as the analyzer's flow builder does for literals. */
export function flowsOf(detections: Detection[]): Flow[] {
  const flows = new Map<string, Flow>();
  for (const d of detections) {
    if (d.channel === null || (d.role !== 'producer' && d.role !== 'consumer')) continue;
    const id = `${d.broker}:${d.channel}`;
    const flow = flows.get(id) ?? { id, broker: d.broker, channel: d.channel, producers: [], consumers: [] };
    (d.role === 'producer' ? flow.producers : flow.consumers).push(d.id);
    flows.set(id, flow);
  }
  return [...flows.values()];
}

export function resultOf(detections: Detection[], extra: Partial<AnalysisResult> = {}): AnalysisResult {
  const services: AnalysisResult['services'] = {};
  for (const d of detections) {
    const entry = services[d.service] ?? { root: `/repo/${d.service}`, libraries: [] };
    if (!entry.libraries.includes(d.library)) entry.libraries.push(d.library);
    services[d.service] = entry;
  }
  return {
    schemaVersion: 1,
    roots: ['/repo'],
    detections,
    flows: flowsOf(detections),
    skipped: [],
    services,
    stats: { filesSeen: 12, filesParsed: 4, bytesRead: 48_213, lines: 1_402, durationMs: 87, parseMs: 41 },
    ...extra,
  };
}

/** Orders: a Kafka topic between two services plus a Redis channel and a socket.io event. */
export function ordersResult(): AnalysisResult {
  return resultOf([
    detection({ kind: 'kafka.produce', library: 'kafkajs', broker: 'kafka', role: 'producer', channel: 'orders.created', file: 'orders/src/orders.service.ts', line: 42, service: 'orders', enclosingFunction: 'OrdersService.create' }),
    detection({ kind: 'kafka.consume', library: 'kafkajs', broker: 'kafka', role: 'consumer', channel: 'orders.created', file: 'billing/src/consumer.ts', line: 17, service: 'billing', enclosingFunction: 'startConsumer' }),
    detection({ kind: 'kafka.consume', library: 'kafkajs', broker: 'kafka', role: 'consumer', channel: 'orders.created', file: 'shipping/src/index.ts', line: 9, service: 'shipping' }),
    detection({ kind: 'redis.publish', library: 'ioredis', broker: 'redis', role: 'producer', channel: 'cache:invalidate', file: 'orders/src/cache.ts', line: 30, service: 'orders', enclosingFunction: 'invalidate' }),
    detection({ kind: 'redis.subscribe', library: 'ioredis', broker: 'redis', role: 'consumer', channel: 'cache:invalidate', file: 'billing/src/cache.ts', line: 8, service: 'billing' }),
    detection({ kind: 'ws.server', library: 'socket.io', broker: 'socket.io', role: 'server', channel: null, file: 'orders/src/gateway.ts', line: 5, service: 'orders' }),
    detection({ kind: 'ws.emit', library: 'socket.io', broker: 'socket.io', role: 'producer', channel: 'order:updated', file: 'orders/src/gateway.ts', line: 21, service: 'orders', enclosingFunction: 'notify' }),
  ]);
}
