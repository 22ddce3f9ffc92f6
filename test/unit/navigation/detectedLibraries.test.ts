import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectedDependencies, detectedLibraries } from '../../../src/core/analysis/detectedLibraries';

const shop = path.resolve(__dirname, '../../../examples/shop');

describe('detected libraries (the start-up index decision)', () => {
  it('knows the messaging libraries the analyzer follows, not Node built-ins', () => {
    const libs = detectedLibraries();
    for (const name of ['kafkajs', 'bullmq', 'socket.io', 'ws', 'ioredis', 'redis', 'nats', 'amqplib', '@tanstack/react-query', '@trpc/server']) expect(libs.has(name)).toBe(true);
    for (const name of ['events', 'node:events', 'express', 'react', 'global']) expect(libs.has(name)).toBe(false);
  });

  it("finds them in the shop's service manifests, and nothing in a plain web app or broken JSON", () => {
    const orders = readFileSync(path.join(shop, 'services/orders/package.json'), 'utf8');
    expect(detectedDependencies(orders).sort()).toEqual(['bullmq', 'kafkajs']);
    expect(detectedDependencies(JSON.stringify({ dependencies: { express: '5.0.0', react: '19.0.0' } }))).toEqual([]);
    expect(detectedDependencies('{ "dependencies": ')).toEqual([]);
    expect(detectedDependencies(JSON.stringify({ devDependencies: { '@nats-io/transport-node': '3.0.0' } }))).toEqual(['@nats-io/transport-node']);
  });
});
