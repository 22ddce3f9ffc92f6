// The graph behind the flow diagram, built one flow at a time with its Mermaid source size and edge count
// kept exact as it grows: a flow is added only if the graph still fits afterwards, at a cost proportional
// to that flow's producers and consumers. This is what keeps summarising linear (see mermaid.ts).
import { mermaidLabel } from '../text/mermaid';
import type { DiagramDetection, DiagramFlow } from './diagramNodes';
import { channelNodeId, endpointKey, endpointNodeId } from './diagramNodes';
import { mermaidId } from './mermaidText';

/** How finely code is shown: one node per function, or one producer and one consumer node per service. */
export type MermaidDetail = 'function' | 'service';

export interface GraphLimits {
  maxEdges: number;
  maxSource: number;
}

interface Endpoint {
  id: string;
  service: string;
  line: string;
}

interface Channel {
  id: string;
  line: string;
}

const HEADER = 'flowchart LR';
const CHANNEL_CLASS = '  classDef eaChannel stroke-width:2px';

const edgeLine = (from: string, to: string, count: number): string => (count > 1 ? `  ${from} -->|${count}| ${to}` : `  ${from} --> ${to}`);
const edgeCost = (from: string, to: string, count: number): number => (count === 0 ? 0 : edgeLine(from, to, count).length + 1);

export class FlowGraph {
  private readonly endpoints = new Map<string, Endpoint>();
  /** Endpoint ids per service, for the subgraphs. */
  private readonly services = new Map<string, { header: string; ids: string[] }>();
  private readonly channels = new Map<string, Channel>();
  /** `from\u0000to` → how many detections the edge stands for. */
  private readonly edges = new Map<string, number>();
  /** Endpoint per detection key, so a function met again costs a map lookup, not a new id and label. */
  private readonly endpointCache = new Map<string, Endpoint>();
  private size = HEADER.length + 1;

  constructor(
    private readonly detail: MermaidDetail,
    private readonly maxLabel: number,
    private readonly byId: ReadonlyMap<string, DiagramDetection>,
  ) {}

  get edgeCount(): number {
    return this.edges.size;
  }

  /** The exact length `source()` would have now (without extra lines). */
  get sourceLength(): number {
    return this.size;
  }

  /** Adds the flow if the graph then stays within the limits; returns whether it did. */
  add(flow: DiagramFlow, limits: GraphLimits): boolean {
    const channel = this.channelFor(flow);
    const newEndpoints = new Map<string, Endpoint>();
    const newServices = new Map<string, string>();
    const increments = new Map<string, number>();
    let cost = 0;
    if (!this.channels.has(channel.id)) {
      cost += channel.line.length + 1;
      // the channel's id joins the `class … eaChannel` line (which appears with the first channel)
      cost += this.channels.size === 0 ? `  class ${channel.id} eaChannel`.length + 1 + CHANNEL_CLASS.length + 1 : channel.id.length + 1;
    }
    for (const [ids, side] of [
      [flow.producers, 'producer'],
      [flow.consumers, 'consumer'],
    ] as const) {
      for (const detectionId of ids) {
        const d = this.byId.get(detectionId);
        if (!d) continue; // a flow naming an unknown detection is shown without it rather than failing
        const ep = this.endpointFor(d, side);
        if (!this.endpoints.has(ep.id) && !newEndpoints.has(ep.id)) {
          newEndpoints.set(ep.id, ep);
          cost += ep.line.length + 1;
          if (!this.services.has(ep.service) && !newServices.has(ep.service)) {
            const header = `  subgraph ${mermaidId('svc', ep.service)}["${mermaidLabel(ep.service, this.maxLabel)}"]`;
            newServices.set(ep.service, header);
            cost += header.length + 1 + '  end'.length + 1;
          }
        }
        const key = side === 'producer' ? `${ep.id}\u0000${channel.id}` : `${channel.id}\u0000${ep.id}`;
        increments.set(key, (increments.get(key) ?? 0) + 1);
      }
    }
    let newEdges = 0;
    for (const [key, inc] of increments) {
      const before = this.edges.get(key) ?? 0;
      if (before === 0) newEdges += 1;
      const [from = '', to = ''] = key.split('\u0000');
      cost += edgeCost(from, to, before + inc) - edgeCost(from, to, before);
    }
    if (this.edges.size + newEdges > limits.maxEdges || this.size + cost > limits.maxSource) return false;

    this.size += cost;
    this.channels.set(channel.id, channel);
    for (const [service, header] of newServices) this.services.set(service, { header, ids: [] });
    for (const ep of newEndpoints.values()) {
      this.endpoints.set(ep.id, ep);
      this.services.get(ep.service)?.ids.push(ep.id);
    }
    for (const [key, inc] of increments) this.edges.set(key, (this.edges.get(key) ?? 0) + inc);
    return true;
  }

  /** The Mermaid source, with `extra` lines (e.g. the "more channels" node) before the channel class. */
  source(extra: readonly string[] = []): string {
    const lines = [HEADER];
    for (const service of [...this.services.keys()].sort()) {
      const entry = this.services.get(service);
      if (!entry) continue;
      lines.push(entry.header);
      for (const id of [...entry.ids].sort()) lines.push(this.endpoints.get(id)?.line ?? '');
      lines.push('  end');
    }
    for (const ch of this.channels.values()) lines.push(ch.line);
    for (const [key, count] of this.edges) {
      const [from = '', to = ''] = key.split('\u0000');
      lines.push(edgeLine(from, to, count));
    }
    lines.push(...extra);
    if (this.channels.size > 0) {
      lines.push(`  class ${[...this.channels.keys()].join(',')} eaChannel`);
      lines.push(CHANNEL_CLASS);
    }
    return `${lines.join('\n')}\n`;
  }

  private channelFor(flow: DiagramFlow): Channel {
    const id = channelNodeId(flow);
    const label = `${mermaidLabel(flow.channel, this.maxLabel)}<br/>(${mermaidLabel(flow.broker, this.maxLabel)})`;
    return { id, line: `  ${id}(["${label}"])` };
  }

  private endpointFor(d: DiagramDetection, side: 'producer' | 'consumer'): Endpoint {
    // the same key and id as diagramNodes.ts, which maps a clicked node back to its code
    const key = endpointKey(this.detail, d, side);
    const cached = this.endpointCache.get(key);
    if (cached) return cached;
    const id = endpointNodeId(this.detail, d, side);
    const label =
      this.detail === 'service'
        ? side === 'producer'
          ? 'producers'
          : 'consumers'
        : `${mermaidLabel(d.enclosingFunction ?? '(module)', this.maxLabel)}<br/>${mermaidLabel(d.file, this.maxLabel)}`;
    const ep = { id, service: d.service, line: `    ${id}["${label}"]` };
    this.endpointCache.set(key, ep);
    return ep;
  }
}
