// Where the real servers of the proof tests listen. CI starts them on loopback; the environment may move
// them. Each test names its own database/stream/queue with `uniqueName` so runs never share state.
import { randomBytes } from 'node:crypto';

const env = process.env;

export const services = {
  postgres: {
    host: env.EA_PG_HOST ?? '127.0.0.1',
    port: Number(env.EA_PG_PORT ?? 5432),
    user: env.EA_PG_USER ?? 'postgres',
    database: env.EA_PG_DATABASE ?? 'test',
  },
  mariadb: {
    host: env.EA_MYSQL_HOST ?? '127.0.0.1',
    port: Number(env.EA_MYSQL_PORT ?? 3306),
    user: env.EA_MYSQL_USER ?? 'root',
    password: env.EA_MYSQL_PASSWORD ?? '',
    database: env.EA_MYSQL_DATABASE ?? 'test',
  },
  redisUrl: env.EA_REDIS_URL ?? 'redis://127.0.0.1:6379',
  amqpUrl: env.EA_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
  natsServers: env.EA_NATS_SERVERS ?? '127.0.0.1:4222',
} as const;

export function postgresUrl(database: string = services.postgres.database): string {
  const p = services.postgres;
  return `postgresql://${p.user}@${p.host}:${p.port}/${database}`;
}

/**
 * A lowercase identifier, safe as a SQL table/schema name, a Redis key, a NATS stream name or an AMQP
 * queue name: `prefix_` + 10 random hex chars.
 */
export function uniqueName(prefix: string): string {
  if (!/^[a-z][a-z0-9_]{0,40}$/.test(prefix)) throw new Error(`uniqueName: prefix must be a lowercase identifier, got ${JSON.stringify(prefix)}`);
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}
