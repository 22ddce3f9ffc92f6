// Servers for the AsyncAPI document, from the deployment files the rules already collect (docker-compose,
// Kubernetes, PM2): connection URLs (`nats://nats:4222`, `amqp://user:pass@rabbit:5672`) and the usual
// environment variables for Kafka bootstrap servers and Redis hosts. Credentials are never copied.
import type { Broker } from '../analysis/types';
import type { ConfigFile } from '../rules/types';

export interface AsyncApiServer {
  /** Key in `servers`: `kafka`, `nats`, `kafka-2`, … */
  id: string;
  host: string;
  protocol: string;
  /** The file the server was found in (POSIX, relative to its root). */
  source: string;
}

/** The AsyncAPI protocol a broker speaks; undefined for in-process channels (emitter, query cache, outbox). */
export function protocolOf(broker: Broker): string | undefined {
  switch (broker) {
    case 'kafka':
      return 'kafka';
    case 'nats':
      return 'nats';
    case 'amqp':
      return 'amqp';
    case 'redis':
    case 'redis-stream':
    case 'bullmq':
      return 'redis';
    case 'socket.io':
    case 'ws':
      return 'ws';
    case 'sse':
    case 'trpc':
      return 'http';
    default:
      return undefined;
  }
}

const URL_SCHEMES: Record<string, string> = {
  kafka: 'kafka',
  nats: 'nats',
  tls: 'nats',
  amqp: 'amqp',
  amqps: 'amqps',
  redis: 'redis',
  rediss: 'redis',
  mqtt: 'mqtt',
};

const URL_PATTERN = /\b(kafka|nats|tls|amqps?|rediss?|mqtt):\/\/([^\s'"`,;/?#]+)/g;
/** `KAFKA_BROKERS: kafka:9092,kafka2:9092`, `KAFKA_BOOTSTRAP_SERVERS=…`, `REDIS_HOST: redis`. */
const ENV_PATTERN = /\b(KAFKA_BROKERS?|KAFKA_BOOTSTRAP_SERVERS|REDIS_HOST|NATS_SERVERS?)\s*[:=]\s*["']?([\w.-]+(?::\d+)?(?:,[\w.-]+(?::\d+)?)*)/g;
const DEFAULT_PORT: Record<string, string> = { kafka: '9092', redis: '6379', nats: '4222' };

function withoutCredentials(authority: string): string {
  const at = authority.lastIndexOf('@');
  return at >= 0 ? authority.slice(at + 1) : authority;
}

/** The servers named in the config files, for the protocols in `wanted`, in order of first mention. */
export function serversFromConfigs(configs: readonly ConfigFile[], wanted: ReadonlySet<string>): AsyncApiServer[] {
  const found: AsyncApiServer[] = [];
  const seen = new Set<string>();
  const add = (protocol: string, host: string, source: string): void => {
    const key = `${protocol} ${host}`;
    const family = protocol === 'amqps' ? 'amqp' : protocol;
    // Placeholders (`${KAFKA_HOST}`) and empty hosts name no server.
    if (!wanted.has(family) || host === '' || /[${}]/.test(host) || seen.has(key)) return;
    seen.add(key);
    const same = found.filter((s) => (s.protocol === 'amqps' ? 'amqp' : s.protocol) === family).length;
    found.push({ id: same === 0 ? family : `${family}-${same + 1}`, host, protocol, source });
  };
  for (const file of configs) {
    for (const m of file.text.matchAll(URL_PATTERN)) {
      const protocol = URL_SCHEMES[m[1] ?? ''];
      if (protocol) add(protocol, withoutCredentials(m[2] ?? ''), file.path);
    }
    for (const m of file.text.matchAll(ENV_PATTERN)) {
      const protocol = (m[1] ?? '').startsWith('KAFKA') ? 'kafka' : (m[1] ?? '').startsWith('REDIS') ? 'redis' : 'nats';
      for (const host of (m[2] ?? '').split(',')) add(protocol, host.includes(':') ? host : `${host}:${DEFAULT_PORT[protocol] ?? ''}`, file.path);
    }
  }
  return found;
}
