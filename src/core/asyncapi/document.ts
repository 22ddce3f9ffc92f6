// The workspace's event flows as an AsyncAPI 3.0 document (a plain object; the CLI and the extension write
// it as YAML). One channel per flow of the graph with its address (wildcards as parameters, address.ts), one
// message named after the channel, and per service a `send` operation for its producers and a `receive`
// operation for its consumers. Servers come from the deployment files (servers.ts). No payload schemas: the
// analyzer knows names, not message shapes. Deterministic (no dates), so a committed copy can be compared.
import type { AnalysisResult, Broker, Detection, Flow } from '../analysis/types';
import type { ConfigFile } from '../rules/types';
import { asyncApiAddress } from './address';
import { protocolOf, serversFromConfigs } from './servers';

export interface AsyncApiOptions {
  title?: string;
  version?: string;
}

type Json = Record<string, unknown>;

const CHANNEL_NOUN: Record<Broker, string> = {
  'socket.io': 'socket.io event',
  ws: 'WebSocket message',
  sse: 'Server-Sent Events stream',
  redis: 'Redis Pub/Sub channel',
  'redis-stream': 'Redis stream',
  kafka: 'Kafka topic',
  nats: 'NATS subject',
  amqp: 'AMQP (RabbitMQ) exchange or queue',
  bullmq: 'BullMQ job queue',
  emitter: 'in-process EventEmitter event',
  trpc: 'tRPC subscription',
  outbox: 'transactional outbox',
  'tanstack-query': 'TanStack Query cache key',
};

/** A key AsyncAPI accepts for channels, operations and messages (`[\w.-]+`), unique within `taken`. */
function uniqueKey(raw: string, taken: Set<string>): string {
  const base = raw.replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '') || 'channel';
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
  taken.add(key);
  return key;
}

/** `orders.created` → `OrdersCreated`: the message name. */
function messageName(channel: string): string {
  const words = channel.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return name === '' ? 'Message' : /^\d/.test(name) ? `M${name}` : name;
}

function location(d: Detection): string {
  return `${d.file}:${d.line}`;
}

interface Side {
  service: string;
  detections: Detection[];
}

/** The detections of one side of a flow, grouped by service (services in order of first appearance). */
function byService(ids: readonly string[], detections: ReadonlyMap<string, Detection>): Side[] {
  const sides = new Map<string, Side>();
  for (const id of ids) {
    const d = detections.get(id);
    if (!d) continue;
    let side = sides.get(d.service);
    if (!side) sides.set(d.service, (side = { service: d.service, detections: [] }));
    side.detections.push(d);
  }
  return [...sides.values()];
}

function isPatternFlow(flow: Flow, detections: ReadonlyMap<string, Detection>): boolean {
  return [...flow.producers, ...flow.consumers].some((id) => {
    const d = detections.get(id);
    return d?.channel === flow.channel && d.channelIsPattern;
  });
}

export function buildAsyncApiDocument(result: AnalysisResult, configs: readonly ConfigFile[], options: AsyncApiOptions = {}): Json {
  const detections = new Map(result.detections.map((d) => [d.id, d]));
  const protocols = new Set(result.flows.map((f) => protocolOf(f.broker)).filter((p): p is string => p !== undefined));
  const servers = serversFromConfigs(configs, protocols);

  const channelKeys = new Set<string>();
  const operationKeys = new Set<string>();
  const channels: Json = {};
  const operations: Json = {};

  for (const flow of result.flows) {
    const key = uniqueKey(`${flow.broker}.${flow.channel}`, channelKeys);
    const pattern = isPatternFlow(flow, detections);
    const { address, parameters } = asyncApiAddress(flow.broker, flow.channel, pattern);
    const message = messageName(flow.channel);
    const protocol = protocolOf(flow.broker);
    const onServers = servers.filter((s) => (s.protocol === 'amqps' ? 'amqp' : s.protocol) === protocol);
    channels[key] = {
      address,
      title: flow.channel,
      description: `${CHANNEL_NOUN[flow.broker]} found in the code: ${flow.producers.length} producer(s), ${flow.consumers.length} consumer(s).`,
      ...(onServers.length > 0 ? { servers: onServers.map((s) => ({ $ref: `#/servers/${s.id}` })) } : {}),
      ...(parameters.length > 0 ? { parameters: Object.fromEntries(parameters.map((p) => [p.name, { description: p.description }])) } : {}),
      messages: { [message]: { name: message, title: flow.channel, summary: `A message on the ${CHANNEL_NOUN[flow.broker]} ${flow.channel}.` } },
      'x-event-architect': { broker: flow.broker, pattern },
    };
    const sides: Array<['send' | 'receive', Side[]]> = [
      ['send', byService(flow.producers, detections)],
      ['receive', byService(flow.consumers, detections)],
    ];
    for (const [action, services] of sides) {
      for (const side of services) {
        const opKey = uniqueKey(`${side.service}.${action}.${key}`, operationKeys);
        operations[opKey] = {
          action,
          channel: { $ref: `#/channels/${key}` },
          summary: `${side.service} ${action === 'send' ? 'sends to' : 'receives from'} ${flow.channel}.`,
          messages: [{ $ref: `#/channels/${key}/messages/${message}` }],
          tags: [{ name: side.service }],
          'x-event-architect': { service: side.service, locations: side.detections.map(location) },
        };
      }
    }
  }

  const title = options.title ?? (result.roots.map((r) => r.split(/[\\/]/).filter(Boolean).pop() ?? r).join(', ') || 'Workspace');
  return {
    asyncapi: '3.0.0',
    info: {
      title: `${title} event flows`,
      version: options.version ?? '0.0.0',
      description: `The channels, operations and servers Event Architect found in the code: ${result.flows.length} channels, ${Object.keys(operations).length} operations. Message payloads are not described.`,
    },
    ...(servers.length > 0
      ? { servers: Object.fromEntries(servers.map((s) => [s.id, { host: s.host, protocol: s.protocol, description: `Found in ${s.source}.` }])) }
      : {}),
    defaultContentType: 'application/json',
    channels,
    operations,
  };
}

/** Title and version from a root `package.json` text (`name`, `version`); none when unreadable. */
export function optionsFromPackageJson(text: string | undefined): AsyncApiOptions {
  if (text === undefined) return {};
  try {
    const pkg = JSON.parse(text) as { name?: unknown; version?: unknown };
    return {
      ...(typeof pkg.name === 'string' && pkg.name.trim() !== '' ? { title: pkg.name } : {}),
      ...(typeof pkg.version === 'string' && pkg.version.trim() !== '' ? { version: pkg.version } : {}),
    };
  } catch {
    return {};
  }
}
