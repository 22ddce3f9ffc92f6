// A clicked node must map back to its code: every node id in the rendered source is in the node index,
// with the detections it stands for, at both levels of detail.
import { describe, expect, it } from 'vitest';
import { diagramNodeIndex } from '../../../src/core/render/diagramNodes';
import { renderFlowMermaid } from '../../../src/core/render/mermaid';
import { ordersResult } from './resultFixture';

function nodeIdsOf(source: string): string[] {
  return [...source.matchAll(/^\s+((?:ep|ch)_[A-Za-z0-9_]+)[[(]/gm)].map((m) => m[1]!);
}

describe('diagramNodeIndex', () => {
  it('indexes every drawn node with its detections (function detail)', () => {
    const result = ordersResult();
    const diagram = renderFlowMermaid(result);
    expect(diagram.detail).toBe('function');
    const nodes = diagramNodeIndex(result.flows, result.detections, 'function');
    const drawn = nodeIdsOf(diagram.source);
    expect(drawn.length).toBeGreaterThan(2);
    for (const id of drawn) expect(nodes.has(id), id).toBe(true);
    const byId = new Map(result.detections.map((d) => [d.id, d]));
    for (const [, node] of nodes) {
      if (node.kind !== 'endpoint') continue;
      for (const id of node.detectionIds) {
        const d = byId.get(id)!;
        expect(d.service).toBe(node.service);
        expect(result.flows.some((f) => (node.side === 'producer' ? f.producers : f.consumers).includes(id))).toBe(true);
      }
    }
  });

  it('indexes the collapsed service nodes when the graph is summarised', () => {
    const result = ordersResult();
    const diagram = renderFlowMermaid(result, { maxEdges: 2 });
    expect(diagram.detail).toBe('service');
    const nodes = diagramNodeIndex(result.flows, result.detections, 'service');
    for (const id of nodeIdsOf(diagram.source)) expect(nodes.has(id), id).toBe(true);
  });
});
