// Which code each node of the flow diagram stands for. The diagram's node ids are derived from the same
// keys here and in flowGraph.ts, so a click on a drawn node maps back to its detections and flows by id —
// never by label text, which is escaped, shortened and may repeat.
import type { Detection, Flow } from '../analysis/types';
import type { MermaidDetail } from './flowGraph';
import { mermaidId } from './mermaidText';

/** What the diagram needs of a detection (the webview's summaries carry exactly this much). */
export type DiagramDetection = Pick<Detection, 'id' | 'service' | 'file' | 'enclosingFunction'>;
/** What the diagram needs of a flow (the broker as plain text, as the webview receives it). */
export type DiagramFlow = Pick<Flow, 'id' | 'channel' | 'producers' | 'consumers'> & { broker: string };

export type EndpointSide = 'producer' | 'consumer';

/** The key of the node a detection is drawn in: its function, or its service's producer/consumer node. */
export function endpointKey(detail: MermaidDetail, d: DiagramDetection, side: EndpointSide): string {
  return detail === 'service' ? `${d.service}\u0000${side}` : `${d.service}\u0000${d.file}\u0000${d.enclosingFunction ?? ''}`;
}

export function endpointNodeId(detail: MermaidDetail, d: DiagramDetection, side: EndpointSide): string {
  return mermaidId('ep', endpointKey(detail, d, side));
}

export function channelNodeId(flow: Pick<DiagramFlow, 'broker' | 'channel'>): string {
  return mermaidId('ch', `${flow.broker}\u0000${flow.channel}`);
}

export type DiagramNode =
  | { kind: 'channel'; flowId: string }
  | { kind: 'endpoint'; side: EndpointSide; service: string; detectionIds: string[]; flowIds: string[] };

/** Every node id the diagram of `flows` at `detail` may contain, with the code behind it. */
export function diagramNodeIndex(
  flows: readonly DiagramFlow[],
  detections: readonly DiagramDetection[],
  detail: MermaidDetail,
): Map<string, DiagramNode> {
  const byId = new Map(detections.map((d) => [d.id, d]));
  const nodes = new Map<string, DiagramNode>();
  for (const flow of flows) {
    nodes.set(channelNodeId(flow), { kind: 'channel', flowId: flow.id });
    for (const [ids, side] of [
      [flow.producers, 'producer'],
      [flow.consumers, 'consumer'],
    ] as const) {
      for (const detectionId of ids) {
        const d = byId.get(detectionId);
        if (!d) continue;
        const id = endpointNodeId(detail, d, side);
        let node = nodes.get(id);
        if (!node || node.kind !== 'endpoint') {
          node = { kind: 'endpoint', side, service: d.service, detectionIds: [], flowIds: [] };
          nodes.set(id, node);
        }
        if (!node.detectionIds.includes(d.id)) node.detectionIds.push(d.id);
        if (!node.flowIds.includes(flow.id)) node.flowIds.push(flow.id);
      }
    }
  }
  return nodes;
}
