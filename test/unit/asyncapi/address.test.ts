import { describe, expect, it } from 'vitest';
import { asyncApiAddress } from '../../../src/core/asyncapi/address';
import { serversFromConfigs } from '../../../src/core/asyncapi/servers';

describe('asyncApiAddress', () => {
  it('keeps a concrete name as it is', () => {
    expect(asyncApiAddress('kafka', 'orders.created', false)).toEqual({ address: 'orders.created', parameters: [] });
  });

  it('turns NATS `*` and `>` into declared parameters', () => {
    const a = asyncApiAddress('nats', 'orders.*.>', true);
    expect(a.address).toBe('orders.{token1}.{rest2}');
    expect(a.parameters.map((p) => p.name)).toEqual(['token1', 'rest2']);
    expect(a.parameters[1]!.description).toMatch(/NATS `>`/);
  });

  it('turns AMQP `#` and `*` into parameters, but not a `#` inside a word', () => {
    expect(asyncApiAddress('amqp', 'audit.#', true).address).toBe('audit.{rest1}');
    expect(asyncApiAddress('amqp', '*.created', true).address).toBe('{token1}.created');
    expect(asyncApiAddress('amqp', 'c#.x', true).address).toBe('c#.x');
  });

  it('turns a template part into a parameter and never lets a brace in a name read as one', () => {
    expect(asyncApiAddress('redis', 'user:*:events', true).address).toBe('user:{token1}:events');
    expect(asyncApiAddress('kafka', 'odd{name}', false)).toEqual({ address: 'odd_name_', parameters: [] });
  });
});

describe('serversFromConfigs', () => {
  const compose = [
    'services:',
    '  api:',
    '    environment:',
    '      KAFKA_BROKERS: kafka:9092,kafka-2:9093',
    '      NATS_URL: nats://nats:4222',
    '      AMQP_URL: amqp://guest:secret@rabbit:5672/vhost',
    '      REDIS_URL: redis://:pw@cache:6379',
    '      OTHER: ${KAFKA_HOST}',
    '      LOCAL: kafka://${KAFKA_HOST}:9092',
  ].join('\n');
  const configs = [{ root: '/r', path: 'docker-compose.yml', text: compose }];

  it('reads connection URLs and broker variables, for the protocols the graph uses, without credentials', () => {
    const servers = serversFromConfigs(configs, new Set(['kafka', 'nats', 'amqp', 'redis']));
    expect(servers.map((s) => `${s.id} ${s.protocol} ${s.host}`)).toEqual([
      'nats nats nats:4222',
      'amqp amqp rabbit:5672',
      'redis redis cache:6379',
      'kafka kafka kafka:9092',
      'kafka-2 kafka kafka-2:9093',
    ]);
    expect(JSON.stringify(servers)).not.toMatch(/secret|pw@|guest/);
  });

  it('leaves out protocols no channel uses', () => {
    expect(serversFromConfigs(configs, new Set(['nats'])).map((s) => s.id)).toEqual(['nats']);
  });
});
