import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analysis/index';
import type { AnalysisResult, Detection } from '../../../src/core/analysis/types';
import { FlowGraph, channelSymbols, lensTitle, matchesSymbolQuery, principleOf } from '../../../src/core/navigation';
import { analyzeTree } from '../analysis/tree';

const shop = path.resolve(__dirname, '../../../examples/shop');
const where = (d: Detection) => `${d.service} ${d.file}:${d.line}`;

describe('FlowGraph on examples/shop', () => {
  let result: AnalysisResult;
  let graph: FlowGraph;
  beforeAll(async () => {
    result = await analyze([shop]);
    graph = new FlowGraph(result);
  });

  it('finds the orders.created producer under the cursor and lists its consumer in another service', () => {
    const producer = graph.at(0, 'services/orders/src/routes.ts', 59, 25);
    expect(producer?.kind).toBe('kafka.produce');
    expect(producer?.channel).toBe('orders.created');
    if (!producer) return;
    const sides = graph.counterparts(producer);
    expect(sides.consumers.map(where)).toEqual(['@shop/notifications services/notifications/src/index.ts:24']);
    expect(sides.producers.map(where)).toEqual(['@shop/orders services/orders/src/routes.ts:59']);
    expect(graph.sideOf(producer)).toBe('producer');
    expect(lensTitle(producer, sides)).toBe('1 consumer · 1 producer');
    expect(principleOf(producer)).toBe('broker-matching');
  });

  it('goes the other way from a consumer, and counts both sides of a two-way socket.io event', () => {
    const consumer = graph.at(0, 'services/notifications/src/index.ts', 24, 1);
    expect(consumer?.kind).toBe('kafka.consume');
    if (!consumer) return;
    expect(graph.counterparts(consumer).producers.map(where)).toEqual(['@shop/orders services/orders/src/routes.ts:59']);
    const chat = graph.at(0, 'apps/web/src/realtime/SupportChat.tsx', 47, 18);
    expect(chat?.channel).toBe('chat:message');
    if (!chat) return;
    expect(lensTitle(chat, graph.counterparts(chat))).toBe('2 consumers · 2 producers');
  });

  it('says so when a channel has no consumer in the workspace', () => {
    const nats = result.detections.find((d) => d.kind === 'nats.publish' && d.channel === 'notifications.sent');
    expect(nats).toBeDefined();
    if (!nats) return;
    expect(lensTitle(nats, graph.counterparts(nats))).toBe('no consumer in this workspace');
  });

  it('lens counts agree with the flows of the graph for every message detection', () => {
    for (const flow of result.flows) {
      for (const id of flow.producers) {
        const d = graph.detection(id);
        expect(d).toBeDefined();
        if (!d || graph.flowsOf(d).length !== 1) continue;
        expect(graph.counterparts(d).consumers.length).toBe(flow.consumers.length);
      }
    }
  });

  it('lists channels as workspace symbols, both sides, with a # query', () => {
    const symbols = channelSymbols(graph, '#orders.created');
    expect(symbols.map((s) => `${s.name} ${s.side} ${s.detection.service}`)).toEqual([
      'orders.created producer @shop/orders',
      'orders.created consumer @shop/notifications',
    ]);
    expect(symbols[0]?.container).toBe('Kafka topic · producer · @shop/orders');
    expect(matchesSymbolQuery('orders.created', 'ordcr')).toBe(true);
    expect(matchesSymbolQuery('orders.created', 'cancel')).toBe(false);
  });

  it('returns nothing outside detections (a blank line, an unknown file)', () => {
    expect(graph.at(0, 'services/orders/src/routes.ts', 1, 1)).toBeUndefined();
    expect(graph.at(0, 'nope.ts', 59, 1)).toBeUndefined();
  });
});

describe('FlowGraph with wildcards', () => {
  it('pairs a NATS `orders.*` subscription with the concrete subjects it receives, and says which pattern matched', async () => {
    const result = await analyzeTree({
      'package.json': JSON.stringify({ name: 'app', dependencies: { nats: '2.29.3' } }),
      'src/pub.ts': `import { connect } from 'nats';
const nc = await connect();
nc.publish('orders.created', 'x');
nc.publish('orders.cancelled', 'y');
nc.publish('payments.done', 'z');
`,
      'src/sub.ts': `import { connect } from 'nats';
const nc = await connect();
nc.subscribe('orders.*', { callback: () => {} });
`,
    });
    const graph = new FlowGraph(result);
    const sub = graph.at(0, 'src/sub.ts', 3, 4);
    expect(sub?.channel).toBe('orders.*');
    if (!sub) return;
    expect(graph.counterparts(sub).producers.map((d) => `${d.file}:${d.line}`)).toEqual(['src/pub.ts:3', 'src/pub.ts:4']);
    expect(lensTitle(sub, graph.counterparts(sub))).toBe('2 producers · 1 consumer');
    const created = graph.at(0, 'src/pub.ts', 3, 4);
    if (!created) throw new Error('no publish detected');
    expect(graph.counterparts(created).consumers.map((d) => d.channel)).toEqual(['orders.*']);
    const payments = graph.at(0, 'src/pub.ts', 5, 4);
    if (!payments) throw new Error('no publish detected');
    expect(lensTitle(payments, graph.counterparts(payments))).toBe('no consumer in this workspace');
    expect(graph.matchedVia(sub).sort()).toEqual(['orders.cancelled', 'orders.created']);
  });
});
