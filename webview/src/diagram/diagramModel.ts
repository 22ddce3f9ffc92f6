// The diagram the panel draws, from the host's graph and the user's filters and focus. Pure: the Mermaid
// source comes from the core renderer (the one the CLI and the sidebar use), the node index from the same
// ids, so a clicked node maps back to its code.
import type { DetectionSummary, FlowGraphSnapshot, FlowSummary } from '../../../src/protocol/messages';
import type { DiagramNode } from '../../../src/core/render/diagramNodes';
import { diagramNodeIndex } from '../../../src/core/render/diagramNodes';
import type { MermaidDetail } from '../../../src/core/render/mermaid';
import { renderFlowMermaid } from '../../../src/core/render/mermaid';
import { filterFlows } from '../components/flowFilter';
import type { DiagramFilters, Focus } from './diagramState';

export interface DiagramModel {
  flows: FlowSummary[];
  source: string;
  detail: MermaidDetail;
  channelsShown: number;
  channelsTotal: number;
  nodes: Map<string, DiagramNode>;
  /** Producers and consumers behind the drawn flows (the graph's size, for messages and logs). */
  endpoints: number;
}

export interface DiagramChoices {
  brokers: string[];
  services: string[];
  kinds: string[];
}

const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** The values the filter controls offer. */
export function choicesOf(graph: FlowGraphSnapshot): DiagramChoices {
  return {
    brokers: sorted(graph.flows.map((f) => f.broker)),
    services: sorted(graph.detections.map((d) => d.service)),
    kinds: sorted(graph.detections.map((d) => d.kind)),
  };
}

/** Flows left after focus and filters; a flow whose producers and consumers were all filtered out goes. */
export function visibleFlows(graph: FlowGraphSnapshot, filters: DiagramFilters, focus: Focus | null): FlowSummary[] {
  const byId = new Map(graph.detections.map((d) => [d.id, d]));
  const hidden = new Set(filters.hiddenBrokers);
  let flows = graph.flows.filter((f) => !hidden.has(f.broker));
  if (focus?.kind === 'channel') flows = flows.filter((f) => f.id === focus.flowId);
  if (focus?.kind === 'service') {
    // The service's channels with every other side: its neighbours.
    flows = flows.filter((f) => [...f.producers, ...f.consumers].some((id) => byId.get(id)?.service === focus.service));
  }
  if (filters.service || filters.kind) {
    const keep = (id: string): boolean => {
      const d = byId.get(id);
      return !!d && (!filters.service || d.service === filters.service) && (!filters.kind || d.kind === filters.kind);
    };
    flows = flows
      .map((f) => ({ ...f, producers: f.producers.filter(keep), consumers: f.consumers.filter(keep) }))
      .filter((f) => f.producers.length + f.consumers.length > 0);
  }
  if (filters.text.trim()) flows = filterFlows({ ...graph, flows }, filters.text);
  return flows;
}

export interface ModelOptions {
  /** Tighter limits for the last fallback, when the default summary could not be drawn. */
  maxEdges?: number;
}

export function buildDiagram(graph: FlowGraphSnapshot, filters: DiagramFilters, focus: Focus | null, options: ModelOptions = {}): DiagramModel {
  const flows = visibleFlows(graph, filters, focus);
  const diagram = renderFlowMermaid(
    { detections: graph.detections, flows },
    options.maxEdges === undefined ? {} : { maxEdges: options.maxEdges },
  );
  const endpoints = flows.reduce((n, f) => n + f.producers.length + f.consumers.length, 0);
  return {
    flows,
    source: diagram.source,
    detail: diagram.detail,
    channelsShown: diagram.channelsShown,
    channelsTotal: diagram.channelsTotal,
    nodes: diagramNodeIndex(flows, graph.detections, diagram.detail),
    endpoints,
  };
}

export function detectionsOf(graph: FlowGraphSnapshot): Map<string, DetectionSummary> {
  return new Map(graph.detections.map((d) => [d.id, d]));
}
