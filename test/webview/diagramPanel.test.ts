// The Flow Diagram panel's pure parts: which flows the filters and focus leave, the view arithmetic, and
// restoring the saved state from whatever getState returns.
import type { DetectionSummary, FlowGraphSnapshot } from '../../src/protocol/messages';
import { parseDiagramMessage } from '../../src/protocol/diagramMessages';
import { buildDiagram, choicesOf, visibleFlows } from '../../webview/src/diagram/diagramModel';
import { INITIAL_DIAGRAM_STATE, parseDiagramState } from '../../webview/src/diagram/diagramState';
import { actualSize, fitTransform, zoomAt } from '../../webview/src/diagram/panZoom';
import { withConfig } from '../../webview/src/diagram/drawDiagram';

function det(id: string, service: string, kind: string, file: string, line: number): DetectionSummary {
  return { id, kind, library: 'x', channel: null, service, file, line, enclosingFunction: `fn${line}`, location: { uri: `file:///w/${file}`, line, column: 1 } };
}

const graph: FlowGraphSnapshot = {
  detections: [
    det('p1', 'orders', 'kafka.send', 'orders/a.ts', 3),
    det('c1', 'mail', 'kafka.subscribe', 'mail/b.ts', 7),
    det('p2', 'orders', 'redis.publish', 'orders/a.ts', 9),
    det('c2', 'chat', 'redis.subscribe', 'chat/c.ts', 4),
  ],
  flows: [
    { id: 'f1', broker: 'kafka', channel: 'orders.created', producers: ['p1'], consumers: ['c1'] },
    { id: 'f2', broker: 'redis', channel: 'prices', producers: ['p2'], consumers: ['c2'] },
  ],
  mermaid: '',
};
const none = INITIAL_DIAGRAM_STATE.filters;

describe('visibleFlows', () => {
  it('hides a broker, keeps one service or kind, matches text', () => {
    expect(visibleFlows(graph, { ...none, hiddenBrokers: ['redis'] }, null).map((f) => f.id)).toEqual(['f1']);
    expect(visibleFlows(graph, { ...none, service: 'chat' }, null)).toEqual([{ ...graph.flows[1], producers: [] }]);
    expect(visibleFlows(graph, { ...none, kind: 'kafka.send' }, null).map((f) => f.id)).toEqual(['f1']);
    expect(visibleFlows(graph, { ...none, text: 'prices' }, null).map((f) => f.id)).toEqual(['f2']);
  });

  it('focuses on a channel, or a service with its neighbours', () => {
    expect(visibleFlows(graph, none, { kind: 'channel', flowId: 'f2' }).map((f) => f.id)).toEqual(['f2']);
    const mail = visibleFlows(graph, none, { kind: 'service', service: 'mail' });
    expect(mail).toEqual([graph.flows[0]]);
  });

  it('draws only the visible flows and indexes their nodes', () => {
    const model = buildDiagram(graph, { ...none, hiddenBrokers: ['kafka'] }, null);
    expect(model.source).toContain('prices');
    expect(model.source).not.toContain('orders.created');
    expect([...model.nodes.values()].filter((n) => n.kind === 'channel')).toEqual([{ kind: 'channel', flowId: 'f2' }]);
    expect(choicesOf(graph)).toEqual({ brokers: ['kafka', 'redis'], services: ['chat', 'mail', 'orders'], kinds: ['kafka.send', 'kafka.subscribe', 'redis.publish', 'redis.subscribe'] });
  });
});

describe('view arithmetic', () => {
  it('zooms about the pointer: the point under it stays put', () => {
    const t = zoomAt({ x: 10, y: 20, k: 1 }, 2, 110, 120);
    expect(t).toEqual({ x: -90, y: -80, k: 2 });
    expect((110 - t.x) / t.k).toBe(100);
  });

  it('fits a large graph, never enlarges a small one, and returns to 1:1', () => {
    expect(fitTransform({ width: 2000, height: 1000 }, { width: 1032, height: 800 }).k).toBeCloseTo(0.5);
    expect(fitTransform({ width: 100, height: 50 }, { width: 1000, height: 800 }).k).toBe(1);
    expect(actualSize({ x: 0, y: 0, k: 0.5 }, { width: 200, height: 100 }).k).toBe(1);
  });
});

describe('saved state', () => {
  it('restores what is valid and drops the rest', () => {
    expect(parseDiagramState(null)).toEqual(INITIAL_DIAGRAM_STATE);
    const state = parseDiagramState({
      version: 1,
      transform: { x: 5, y: 6, k: 100 },
      filters: { hiddenBrokers: ['kafka', 3], service: 'orders', kind: 7, text: 'x' },
      focus: { kind: 'service', service: '' },
      selectedNodeId: 'ch_a',
    });
    expect(state).toEqual({
      version: 1,
      transform: { x: 5, y: 6, k: 8 },
      filters: { hiddenBrokers: ['kafka'], service: 'orders', kind: '', text: 'x' },
      focus: null,
      selectedNodeId: 'ch_a',
    });
  });
});

describe('panel messages and layout choice', () => {
  it('validates what the panel sends', () => {
    expect(parseDiagramMessage({ type: 'export', format: 'svg', data: '<svg/>' }).ok).toBe(true);
    expect(parseDiagramMessage({ type: 'export', format: 'exe', data: 'x' }).ok).toBe(false);
    expect(parseDiagramMessage({ type: 'openLocation', location: { uri: 'file:///a', line: 0, column: 1 } }).ok).toBe(false);
  });

  it('chooses the layout in front matter, leaving the diagram source as it was', () => {
    expect(withConfig('flowchart LR\n', 'elk')).toBe('---\nconfig:\n  layout: elk\n---\nflowchart LR\n');
    expect(withConfig('flowchart LR\n', 'dagre', true)).toContain('htmlLabels: false');
  });
});

describe('node ids in the drawn SVG', () => {
  it('takes each node id from its Mermaid DOM id when data-id is missing', async () => {
    const { markNodeIds } = await import('../../webview/src/diagram/DiagramCanvas');
    const root = document.createElement('div');
    root.innerHTML =
      '<svg><g class="node default" id="ea-mermaid-3-flowchart-ep_orders_1abc-7"></g><g class="node" id="flowchart-ch_x_2-0"></g><g class="node" data-id="ch_y" id="z"></g></svg>';
    markNodeIds(root);
    expect([...root.querySelectorAll('g.node')].map((g) => g.getAttribute('data-id'))).toEqual(['ep_orders_1abc', 'ch_x_2', 'ch_y']);
  });
});
