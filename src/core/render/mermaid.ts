// The flow graph as Mermaid `flowchart LR` source: producers → channel → consumers, with each service's
// producing/consuming code in its own subgraph and channels (labelled with their broker) between them.
// Pure string building — the CLI prints it and the webview renders it, so no Node or DOM APIs here.
import type { AnalysisResult, Detection, Flow } from '../analysis/types';
import { escapeMermaidLabel, mermaidId, truncateMiddle } from './mermaidText';

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
  filter?: (flow: Flow) => boolean;
}

/** How finely code is shown: one node per function, or one producer and one consumer node per service. */
export type MermaidDetail = 'function' | 'service';

export interface MermaidDiagram {
  source: string;
  detail: MermaidDetail;
  channelsShown: number;
  channelsTotal: number;
}

type FlowInput = Pick<AnalysisResult, 'detections' | 'flows'>;

interface Endpoint {
  id: string;
  service: string;
  label: string;
}

interface Graph {
  endpoints: Map<string, Endpoint>;
  channels: Array<{ id: string; label: string }>;
  /** `from\u0000to` → how many detections the edge stands for. */
  edges: Map<string, number>;
}

const DEFAULT_MAX_EDGES = 250;
const DEFAULT_MAX_LABEL = 60;
/** Mermaid's default `maxTextSize` is 50,000 characters; stay under it with room for the summary node. */
const DEFAULT_MAX_SOURCE = 45_000;
/** Give up looking for smaller channels that still fit after this many in a row did not. */
const MAX_CONSECUTIVE_MISSES = 50;

export function renderFlowMermaid(result: FlowInput, options: MermaidOptions = {}): MermaidDiagram {
  const maxEdges = Math.max(1, options.maxEdges ?? DEFAULT_MAX_EDGES);
  const maxLabel = Math.max(8, options.maxLabelLength ?? DEFAULT_MAX_LABEL);
  const maxSource = Math.max(1_000, options.maxSourceLength ?? DEFAULT_MAX_SOURCE);
  const byId = new Map(result.detections.map((d) => [d.id, d]));
  const accept = options.filter ?? (() => true);
  const flows = [...result.flows].filter((f) => f.producers.length + f.consumers.length > 0 && accept(f)).sort(compareFlows);
  if (flows.length === 0) {
    return { source: 'flowchart LR\n  empty["No event flows found"]\n', detail: 'function', channelsShown: 0, channelsTotal: 0 };
  }
  const fits = (d: MermaidDiagram, edges: number): boolean => edges <= maxEdges && d.source.length <= maxSource;

  const full = buildGraph(flows, byId, 'function', maxLabel);
  const fullDiagram = finish(full, 'function', flows.length, flows.length, 0, maxLabel);
  if (fits(fullDiagram, full.edges.size)) return fullDiagram;

  const coarse = buildGraph(flows, byId, 'service', maxLabel);
  const coarseDiagram = finish(coarse, 'service', flows.length, flows.length, 0, maxLabel);
  if (fits(coarseDiagram, coarse.edges.size)) return coarseDiagram;

  // Still too big: keep the busiest channels that fit, and say how much was left out.
  const busiest = [...flows].sort((a, b) => weight(b) - weight(a) || compareFlows(a, b));
  let kept: Flow[] = [];
  let misses = 0;
  for (const flow of busiest) {
    const trial = buildGraph([...kept, flow], byId, 'service', maxLabel);
    if (!fits(finish(trial, 'service', kept.length + 1, flows.length, 0, maxLabel), trial.edges.size)) {
      // a smaller channel further down may still fit, but not worth trying forever
      if (++misses >= MAX_CONSECUTIVE_MISSES) break;
      continue;
    }
    misses = 0;
    kept = [...kept, flow];
    if (trial.edges.size === maxEdges) break;
  }
  if (kept.length === 0) kept = busiest.slice(0, 1);
  kept.sort(compareFlows);
  const omitted = busiest.filter((f) => !kept.includes(f));
  const graph = buildGraph(kept, byId, 'service', maxLabel);
  return finish(graph, 'service', kept.length, flows.length, omitted.reduce((n, f) => n + weight(f), 0), maxLabel);
}

function weight(flow: Flow): number {
  return flow.producers.length + flow.consumers.length;
}

function compareFlows(a: Flow, b: Flow): number {
  return a.broker.localeCompare(b.broker) || a.channel.localeCompare(b.channel) || a.id.localeCompare(b.id);
}

function endpointFor(d: Detection, detail: MermaidDetail, side: 'producer' | 'consumer', maxLabel: number): Endpoint {
  if (detail === 'service') {
    const key = `${d.service}\u0000${side}`;
    return { id: mermaidId('ep', key), service: d.service, label: side === 'producer' ? 'producers' : 'consumers' };
  }
  const key = `${d.service}\u0000${d.file}\u0000${d.enclosingFunction ?? ''}`;
  const fn = truncateMiddle(d.enclosingFunction ?? '(module)', maxLabel);
  const file = truncateMiddle(d.file, maxLabel);
  return { id: mermaidId('ep', key), service: d.service, label: `${escapeMermaidLabel(fn)}<br/>${escapeMermaidLabel(file)}` };
}

function buildGraph(flows: Flow[], byId: Map<string, Detection>, detail: MermaidDetail, maxLabel: number): Graph {
  const graph: Graph = { endpoints: new Map(), channels: [], edges: new Map() };
  const addEdge = (from: string, to: string): void => {
    const key = `${from}\u0000${to}`;
    graph.edges.set(key, (graph.edges.get(key) ?? 0) + 1);
  };
  for (const flow of flows) {
    const channelId = mermaidId('ch', `${flow.broker}\u0000${flow.channel}`);
    const label = `${escapeMermaidLabel(truncateMiddle(flow.channel, maxLabel))}<br/>(${escapeMermaidLabel(flow.broker)})`;
    graph.channels.push({ id: channelId, label });
    for (const [ids, side] of [
      [flow.producers, 'producer'],
      [flow.consumers, 'consumer'],
    ] as const) {
      for (const detectionId of ids) {
        const d = byId.get(detectionId);
        if (!d) continue; // a flow naming an unknown detection is shown without it rather than failing
        const ep = endpointFor(d, detail, side, maxLabel);
        graph.endpoints.set(ep.id, ep);
        if (side === 'producer') addEdge(ep.id, channelId);
        else addEdge(channelId, ep.id);
      }
    }
  }
  return graph;
}

function finish(graph: Graph, detail: MermaidDetail, shown: number, total: number, omittedDetections: number, maxLabel: number): MermaidDiagram {
  const lines = ['flowchart LR'];
  const services = new Map<string, Endpoint[]>();
  for (const ep of graph.endpoints.values()) {
    const list = services.get(ep.service) ?? [];
    list.push(ep);
    services.set(ep.service, list);
  }
  for (const service of [...services.keys()].sort()) {
    lines.push(`  subgraph ${mermaidId('svc', service)}["${escapeMermaidLabel(truncateMiddle(service, maxLabel))}"]`);
    const eps = (services.get(service) ?? []).sort((a, b) => a.id.localeCompare(b.id));
    for (const ep of eps) lines.push(`    ${ep.id}["${ep.label}"]`);
    lines.push('  end');
  }
  const seenChannels = new Set<string>();
  for (const ch of graph.channels) {
    if (seenChannels.has(ch.id)) continue;
    seenChannels.add(ch.id);
    lines.push(`  ${ch.id}(["${ch.label}"])`);
  }
  for (const [key, count] of graph.edges) {
    const [from, to] = key.split('\u0000');
    lines.push(count > 1 ? `  ${from} -->|${count}| ${to}` : `  ${from} --> ${to}`);
  }
  if (shown < total) {
    const moreId = mermaidId('more', 'omitted');
    lines.push(`  ${moreId}["… ${total - shown} more channels (${omittedDetections} detections) not shown"]`);
    lines.push(`  class ${moreId} eaMore`);
    lines.push('  classDef eaMore stroke-dasharray:4 3');
  }
  if (seenChannels.size > 0) {
    lines.push(`  class ${[...seenChannels].join(',')} eaChannel`);
    lines.push('  classDef eaChannel stroke-width:2px');
  }
  return { source: `${lines.join('\n')}\n`, detail, channelsShown: shown, channelsTotal: total };
}
