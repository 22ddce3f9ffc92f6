// Which flows match the filter box: every word must appear in the flow's broker, channel, or one of its
// endpoints' file, function, service or library (case-insensitive).
import type { DetectionSummary, FlowGraphSnapshot, FlowSummary } from '../../../src/protocol/messages';

function haystack(flow: FlowSummary, byId: Map<string, DetectionSummary>): string {
  const parts = [flow.broker, flow.channel];
  for (const id of [...flow.producers, ...flow.consumers]) {
    const d = byId.get(id);
    parts.push(d ? `${d.file}:${d.line} ${d.enclosingFunction ?? ''} ${d.service} ${d.library}` : id);
  }
  return parts.join(' ').toLowerCase();
}

export function filterFlows(graph: FlowGraphSnapshot, query: string): FlowSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return graph.flows;
  const byId = new Map(graph.detections.map((d) => [d.id, d]));
  return graph.flows.filter((flow) => {
    const text = haystack(flow, byId);
    return words.every((w) => text.includes(w));
  });
}
