// The flow graph as Mermaid `flowchart LR` source: producers → channel → consumers, with each service's
// producing/consuming code in its own subgraph and channels (labelled with their broker) between them.
// Pure string building — the CLI prints it, the analysis worker renders it for the extension and the
// webview draws it, so no Node or DOM APIs here.
//
// Summarising is linear in the graph: the source size and edge count are kept up to date as flows are
// added (flowGraph.ts), so a level that does not fit is abandoned as soon as it overflows, and choosing
// the busiest channels that fit costs one pass over them — never a rebuild per candidate channel.
import type { DiagramDetection, DiagramFlow } from './diagramNodes';
import { FlowGraph } from './flowGraph';
import type { MermaidDetail } from './flowGraph';

export type { MermaidDetail } from './flowGraph';

export interface MermaidOptions {
  /**
   * Mermaid refuses diagrams over 500 edges by default and becomes unreadable long before; above this many
   * edges the diagram is summarised (service-level nodes, then only the busiest channels).
   */
  maxEdges?: number;
  /** Labels longer than this many characters are shortened in the middle. */
  maxLabelLength?: number;
  /** Longest source to produce (Mermaid refuses more than 50,000 characters by default). */
  maxSourceLength?: number;
  /** Draw only the flows this accepts (e.g. one channel or one service, for a focused view). */
  filter?: (flow: DiagramFlow) => boolean;
}

export interface MermaidDiagram {
  source: string;
  /** `function`: one node per producing/consuming function; `service`: collapsed to one pair per service. */
  detail: MermaidDetail;
  channelsShown: number;
  channelsTotal: number;
}

/** An analysis result, or the webview's summary of one: only what the diagram draws. */
type FlowInput = { readonly detections: readonly DiagramDetection[]; readonly flows: readonly DiagramFlow[] };
type Flow = DiagramFlow;

const DEFAULT_MAX_EDGES = 250;
const DEFAULT_MAX_LABEL = 60;
/** Mermaid's default `maxTextSize` is 50,000 characters; stay under it with room for the summary node. */
const DEFAULT_MAX_SOURCE = 45_000;

export function renderFlowMermaid(result: FlowInput, options: MermaidOptions = {}): MermaidDiagram {
  const maxEdges = Math.max(1, options.maxEdges ?? DEFAULT_MAX_EDGES);
  const maxLabel = Math.max(8, options.maxLabelLength ?? DEFAULT_MAX_LABEL);
  const maxSource = Math.max(1_000, options.maxSourceLength ?? DEFAULT_MAX_SOURCE);
  const byId = new Map<string, DiagramDetection>();
  for (const d of result.detections) byId.set(d.id, d);
  const accept = options.filter ?? (() => true);
  const flows = result.flows.filter((f) => f.producers.length + f.consumers.length > 0 && accept(f)).sort(compareFlows);
  if (flows.length === 0) {
    return { source: 'flowchart LR\n  empty["No event flows found"]\n', detail: 'function', channelsShown: 0, channelsTotal: 0 };
  }
  const limits = { maxEdges, maxSource };

  // Every function as a node, then services collapsed to one producer and one consumer node each.
  for (const detail of ['function', 'service'] as const) {
    const graph = new FlowGraph(detail, maxLabel, byId);
    if (flows.every((flow) => graph.add(flow, limits))) {
      return { source: graph.source(), detail, channelsShown: flows.length, channelsTotal: flows.length };
    }
  }

  // Still too big: keep the busiest channels that fit (room left for the "more" node), in one pass.
  const busiest = [...flows].sort((a, b) => weight(b) - weight(a) || compareFlows(a, b));
  const omittedDetections = flows.reduce((n, f) => n + weight(f), 0);
  const more = moreLines(flows.length, omittedDetections);
  const reserved = { maxEdges, maxSource: maxSource - more.reduce((n, line) => n + line.length + 1, 0) };
  const kept = new Set<Flow>();
  const graph = new FlowGraph('service', maxLabel, byId);
  for (const flow of busiest) {
    if (graph.add(flow, reserved)) kept.add(flow);
    if (graph.edgeCount >= maxEdges) break;
  }
  const unlimited = { maxEdges: Number.POSITIVE_INFINITY, maxSource: Number.POSITIVE_INFINITY };
  const omitted = flows.filter((f) => !kept.has(f));
  const omittedWeight = omitted.reduce((n, f) => n + weight(f), 0);
  if (kept.size === 0 && busiest[0]) {
    // Not even the busiest channel fits (thousands of services on one topic): draw as many of its
    // producers and consumers as fit, and count the rest with the channels left out.
    const top = busiest[0];
    const part = largestPart(top, maxLabel, byId, reserved);
    const trimmed = new FlowGraph('service', maxLabel, byId);
    trimmed.add(part, unlimited);
    const lines = moreLines(omitted.length - 1, omittedWeight - weight(part));
    return { source: trimmed.source(lines), detail: 'service', channelsShown: 1, channelsTotal: flows.length };
  }
  // Draw in the stable order, so an unchanged workspace yields the same source.
  const ordered = new FlowGraph('service', maxLabel, byId);
  for (const flow of flows) if (kept.has(flow)) ordered.add(flow, unlimited);
  return { source: ordered.source(moreLines(omitted.length, omittedWeight)), detail: 'service', channelsShown: kept.size, channelsTotal: flows.length };
}

/**
 * The flow with only its first producers and consumers, as many as fit: prefixes of doubling length are
 * tried, so the work stays linear in the flow's size. At least one member is kept.
 */
function largestPart(flow: Flow, maxLabel: number, byId: ReadonlyMap<string, DiagramDetection>, limits: { maxEdges: number; maxSource: number }): Flow {
  const cut = (k: number): Flow => ({ ...flow, producers: flow.producers.slice(0, k), consumers: flow.consumers.slice(0, k) });
  let best = flow.producers.length > 0 ? cut(1) : { ...flow, consumers: flow.consumers.slice(0, 1), producers: [] };
  const size = Math.max(flow.producers.length, flow.consumers.length);
  for (let k = 2; k < size * 2; k *= 2) {
    const part = cut(Math.min(k, size));
    if (!new FlowGraph('service', maxLabel, byId).add(part, limits)) break;
    best = part;
    if (k >= size) break;
  }
  return best;
}

/** The dashed node that says what was left out and how to see it. */
function moreLines(channels: number, detections: number): string[] {
  const id = 'more_omitted';
  return [
    `  ${id}["… ${channels > 0 ? `${channels} more channels (${detections} detections)` : `${detections} more producers and consumers`} not shown: focus on a channel or service to see them"]`,
    `  class ${id} eaMore`,
    '  classDef eaMore stroke-dasharray:4 3',
  ];
}

function weight(flow: Flow): number {
  return flow.producers.length + flow.consumers.length;
}

/** Code-unit order: the same on every machine and locale, and cheap enough for 100,000 channels. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareFlows(a: Flow, b: Flow): number {
  return compare(a.broker, b.broker) || compare(a.channel, b.channel) || compare(a.id, b.id);
}
