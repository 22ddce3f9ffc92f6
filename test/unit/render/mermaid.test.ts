// @vitest-environment jsdom
// Mermaid's own parser checks the generated source: if escaping ever lets a name break out of its label,
// the diagram either fails to parse or grows nodes/edges that the analysis never had.
import mermaid from 'mermaid';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Detection } from '../../../src/core/analysis/types';
import { FlowGraph } from '../../../src/core/render/flowGraph';
import { renderFlowMermaid } from '../../../src/core/render/mermaid';
import { detection, ordersResult, resultOf } from './resultFixture';

interface ParsedFlowchart {
  vertices: Map<string, { text?: string }>;
  edges: Array<{ start: string; end: string }>;
  subgraphs: Array<{ id: string; title: string; nodes: string[] }>;
}

async function parseFlowchart(source: string): Promise<ParsedFlowchart> {
  await mermaid.parse(source);
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
  const db = diagram.db as unknown as {
    getVertices(): Map<string, { text?: string }>;
    getEdges(): Array<{ start: string; end: string }>;
    getSubGraphs(): Array<{ id: string; title: string; nodes: string[] }>;
  };
  return { vertices: db.getVertices(), edges: db.getEdges(), subgraphs: db.getSubGraphs() };
}

beforeAll(() => {
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
});

describe('renderFlowMermaid', () => {
  it('draws producers → channel → consumers with services as subgraphs', async () => {
    const diagram = renderFlowMermaid(ordersResult());
    expect(diagram.source.startsWith('flowchart LR\n')).toBe(true);
    expect(diagram.detail).toBe('function');
    expect(diagram.channelsShown).toBe(3);
    const parsed = await parseFlowchart(diagram.source);
    expect(parsed.subgraphs.map((s) => s.title).sort()).toEqual(['billing', 'orders', 'shipping']);
    // edges: kafka 1→2, redis 1→1, socket.io 1→0; 3 channels + endpoints: orders(create, invalidate, notify), billing(startConsumer, cache module), shipping
    expect(parsed.vertices.size).toBe(3 + 6);
    expect(parsed.edges).toHaveLength(6);
    const channel = [...parsed.vertices.entries()].find(([, v]) => v.text?.startsWith('orders.created'));
    expect(channel?.[1].text).toContain('(kafka)');
    const channelId = channel?.[0] ?? '';
    expect(parsed.edges.filter((e) => e.start === channelId)).toHaveLength(2);
    expect(parsed.edges.filter((e) => e.end === channelId)).toHaveLength(1);
  });

  it('does not draw detections that belong to no flow', () => {
    const source = renderFlowMermaid(ordersResult()).source;
    // ws.server has no channel: only the emitting function of gateway.ts appears, once.
    expect(source.match(/orders\/src\/gateway\.ts/g)).toHaveLength(1);
  });

  it('is stable whatever the order of detections and flows', () => {
    const a = ordersResult();
    const b = { ...a, detections: [...a.detections].reverse(), flows: [...a.flows].reverse() };
    expect(renderFlowMermaid(b).source).toBe(renderFlowMermaid(a).source);
  });

  it('survives hostile channel, service and function names without injection', async () => {
    const hostile = [
      'a"b',
      'x]-->y[',
      '%% not a comment',
      '<script>alert(1)</script>',
      'line1\nline2\r\nline3',
      'ünïcödé 🚀 通知',
      'end',
      'style:#f00;',
      'classDef x fill:#f00;',
      'click cb call alert()',
      'A --> B\nsubgraph evil',
      'amp&lt;#35;',
      '\u202egnp.exe',
      '`backtick`|pipe|{brace}',
    ];
    const detections: Detection[] = hostile.flatMap((name, i) => [
      detection({ kind: 'nats.publish', library: 'nats', broker: 'nats', role: 'producer', channel: name, file: `src/${name}.ts`, line: i + 1, service: `svc "${name}"`, enclosingFunction: name }),
      detection({ kind: 'nats.subscribe', library: 'nats', broker: 'nats', role: 'consumer', channel: name, file: 'src/sub.ts', line: i + 1, service: 'subscriber]end' }),
    ]);
    const diagram = renderFlowMermaid(resultOf(detections));
    const parsed = await parseFlowchart(diagram.source);
    // every line of the source is one statement we wrote: no name created a line of its own
    expect(diagram.source).not.toMatch(/<script/i);
    expect(diagram.source.split('\n').every((l) => l === '' || /^(flowchart LR|\s+(subgraph|end|ep_|ch_|class|classDef|more_))/.test(l))).toBe(true);
    expect(parsed.vertices.size).toBe(hostile.length /* channels */ + hostile.length /* producers */ + 1 /* sub.ts */);
    expect(parsed.edges).toHaveLength(hostile.length * 2);
    expect(parsed.subgraphs).toHaveLength(hostile.length + 1);
    for (const v of parsed.vertices.values()) expect(v.text ?? '').not.toMatch(/<script|-->/);
    // Mermaid's renderer drops the last ';' of lines that look like style/classDef colour directives,
    // which would corrupt an entity code: no generated line may look like one.
    for (const line of diagram.source.split('\n').filter((l) => !l.trimStart().startsWith('classDef '))) {
      expect(line).not.toMatch(/style.*:\S*#.*;|classDef.*:\S*#.*;/);
    }
  });

  it('summarises large graphs to service level, then to the busiest channels', async () => {
    const detections: Detection[] = [];
    for (let i = 0; i < 400; i++) {
      const topic = `topic.${String(i).padStart(3, '0')}`;
      detections.push(
        detection({ kind: 'kafka.produce', library: 'kafkajs', broker: 'kafka', role: 'producer', channel: topic, file: `p/f${i}.ts`, line: 3, service: `svc${i % 7}`, enclosingFunction: `produce${i}` }),
        detection({ kind: 'kafka.consume', library: 'kafkajs', broker: 'kafka', role: 'consumer', channel: topic, file: `c/f${i}.ts`, line: 4, service: `svc${(i + 3) % 7}` }),
      );
    }
    // the first 10 topics are busy: extra consumers
    for (let i = 0; i < 10; i++) {
      for (let j = 0; j < 5; j++) {
        detections.push(detection({ kind: 'kafka.consume', library: 'kafkajs', broker: 'kafka', role: 'consumer', channel: `topic.00${i}`, file: `x/h${j}.ts`, line: 10 + j, service: `extra${j}` }));
      }
    }
    const diagram = renderFlowMermaid(resultOf(detections), { maxEdges: 120 });
    expect(diagram.detail).toBe('service');
    expect(diagram.channelsTotal).toBe(400);
    expect(diagram.channelsShown).toBeLessThan(400);
    expect(diagram.source).toContain('more channels');
    const parsed = await parseFlowchart(diagram.source);
    expect(parsed.edges.length).toBeLessThanOrEqual(120);
    expect([...parsed.vertices.values()].some((v) => v.text?.startsWith('topic.000'))).toBe(true);

    const medium = renderFlowMermaid(resultOf(detections), { maxEdges: 5000, maxSourceLength: 1_000_000 });
    expect(medium.detail).toBe('function');
    expect(medium.channelsShown).toBe(400);
  });

  it('keeps the source under Mermaid\'s text size limit', async () => {
    const detections: Detection[] = [];
    for (let i = 0; i < 120; i++) {
      const topic = `tenant.${'very-long-segment.'.repeat(8)}${i}`;
      detections.push(
        detection({ kind: 'nats.publish', library: 'nats', broker: 'nats', role: 'producer', channel: topic, file: `packages/${'deep/'.repeat(10)}p${i}.ts`, line: 1, service: `service-with-a-rather-long-name-${'x'.repeat(80)}-${i % 4}`, enclosingFunction: `Handler${i}.handle` }),
        detection({ kind: 'nats.subscribe', library: 'nats', broker: 'nats', role: 'consumer', channel: topic, file: `workers/w${i}.ts`, line: 2, service: 'workers' }),
      );
    }
    const diagram = renderFlowMermaid(resultOf(detections), { maxSourceLength: 8_000 });
    expect(diagram.source.length).toBeLessThanOrEqual(8_000);
    expect(diagram.channelsShown).toBeGreaterThan(0);
    expect(diagram.channelsShown).toBeLessThan(120);
    expect(diagram.source).toContain('more channels');
    const parsed = await parseFlowchart(diagram.source);
    // titles are cut to 60 characters as displayed: the ellipsis is an entity code in the source, which
    // Mermaid holds as a `ﬂ°°8230¶ß` placeholder until it renders
    for (const sg of parsed.subgraphs) expect(Array.from(sg.title.replace(/ﬂ°°?\w+¶ß/g, '…')).length, sg.title).toBeLessThanOrEqual(60);

    const roomy = renderFlowMermaid(resultOf(detections));
    expect(roomy.source.length).toBeLessThanOrEqual(45_000);
  });

  it('uses service-level nodes when that alone is enough', async () => {
    const detections: Detection[] = [];
    for (let i = 0; i < 30; i++) {
      detections.push(detection({ kind: 'queue.produce', library: 'bullmq', broker: 'bullmq', role: 'producer', channel: 'emails', file: `api/r${i}.ts`, line: 1, service: 'api', enclosingFunction: `route${i}` }));
    }
    detections.push(detection({ kind: 'queue.consume', library: 'bullmq', broker: 'bullmq', role: 'consumer', channel: 'emails', file: 'worker/w.ts', line: 2, service: 'worker' }));
    const diagram = renderFlowMermaid(resultOf(detections), { maxEdges: 10 });
    expect(diagram.detail).toBe('service');
    expect(diagram.channelsShown).toBe(1);
    const parsed = await parseFlowchart(diagram.source);
    expect(parsed.edges).toHaveLength(2);
    expect(diagram.source).toContain('-->|30|');
  });

  it('draws only the flows a filter accepts', async () => {
    const diagram = renderFlowMermaid(ordersResult(), { filter: (f) => f.broker === 'kafka' });
    expect(diagram.channelsTotal).toBe(1);
    const parsed = await parseFlowchart(diagram.source);
    expect(parsed.edges).toHaveLength(3);
    expect(diagram.source).not.toContain('cache:invalidate');
  });

  it('says so when there are no flows', async () => {
    const diagram = renderFlowMermaid(resultOf([]));
    expect(diagram.channelsTotal).toBe(0);
    const parsed = await parseFlowchart(diagram.source);
    expect([...parsed.vertices.values()][0]?.text).toBe('No event flows found');
  });

  it('ignores flow members that are not among the detections', async () => {
    const result = ordersResult();
    result.flows[0]?.consumers.push('missing.ts:1:1:kafka.consume');
    const parsed = await parseFlowchart(renderFlowMermaid(result).source);
    expect(parsed.edges).toHaveLength(6);
  });

  it('keeps the size it tracks equal to the source it writes', () => {
    const result = ordersResult();
    const byId = new Map(result.detections.map((d) => [d.id, d]));
    for (const detail of ['function', 'service'] as const) {
      const graph = new FlowGraph(detail, 60, byId);
      for (const flow of result.flows) {
        expect(graph.add(flow, { maxEdges: 1_000, maxSource: 1_000_000 })).toBe(true);
        expect(graph.sourceLength).toBe(graph.source().length);
      }
    }
  });

  it('summarises 20,000 channels of one file pair to the busiest that fit, with a focus hint', async () => {
    const detections: Detection[] = [];
    for (let i = 0; i < 20_000; i++) {
      detections.push(
        detection({ kind: 'ws.emit', library: 'socket.io', broker: 'socket.io', role: 'producer', channel: `event${i}`, file: 'src/emit.ts', line: i + 1, service: 'app' }),
        detection({ kind: 'ws.on', library: 'socket.io', broker: 'socket.io', role: 'consumer', channel: `event${i}`, file: 'src/on.ts', line: i + 1, service: 'app' }),
      );
    }
    const diagram = renderFlowMermaid(resultOf(detections));
    expect(diagram.detail).toBe('service');
    expect(diagram.channelsTotal).toBe(20_000);
    expect(diagram.channelsShown).toBeGreaterThan(0);
    expect(diagram.source.length).toBeLessThanOrEqual(45_000);
    expect(diagram.source).toContain('focus on a channel or service');
    const parsed = await parseFlowchart(diagram.source);
    expect(parsed.edges.length).toBeLessThanOrEqual(250);
  });

  it('draws part of a channel too big for the diagram on its own, and counts the rest', async () => {
    const detections: Detection[] = [detection({ kind: 'kafka.produce', library: 'kafkajs', broker: 'kafka', role: 'producer', channel: 'everything', file: 'p.ts', line: 1, service: 'producer' })];
    for (let i = 0; i < 2_000; i++) {
      detections.push(detection({ kind: 'kafka.consume', library: 'kafkajs', broker: 'kafka', role: 'consumer', channel: 'everything', file: `c${i}.ts`, line: 1, service: `consumer-${i}` }));
    }
    const diagram = renderFlowMermaid(resultOf(detections));
    expect(diagram.channelsShown).toBe(1);
    expect(diagram.source.length).toBeLessThanOrEqual(45_000);
    const parsed = await parseFlowchart(diagram.source);
    expect(parsed.edges.length).toBeGreaterThan(10);
    expect(parsed.edges.length).toBeLessThanOrEqual(250);
    expect(diagram.source).toMatch(/… \d+ more producers and consumers not shown/);
  });
});
