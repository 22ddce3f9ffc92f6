// What hovering a node shows: where the code is (file:line) and its service, or a channel's broker and
// how many producers and consumers it has.
import type { DetectionSummary, FlowGraphSnapshot } from '../../../src/protocol/messages';
import type { DiagramNode } from '../../../src/core/render/diagramNodes';
import { Name } from './names';

const MAX_LINES = 6;

export function NodeTooltip({ node, graph, byId, x, y }: { node: DiagramNode; graph: FlowGraphSnapshot; byId: Map<string, DetectionSummary>; x: number; y: number }) {
  const style = { left: Math.min(x + 14, window.innerWidth - 320), top: Math.min(y + 14, window.innerHeight - 160) };
  if (node.kind === 'channel') {
    const flow = graph.flows.find((f) => f.id === node.flowId);
    if (!flow) return null;
    return (
      <div className="node-tooltip" role="tooltip" style={style}>
        <div>
          <span className="flow-broker">{flow.broker}</span> <Name text={flow.channel} cap={60} />
        </div>
        <div className="muted">
          {flow.producers.length} producers → {flow.consumers.length} consumers · click for the list
        </div>
      </div>
    );
  }
  const detections = node.detectionIds.map((id) => byId.get(id)).filter((d): d is DetectionSummary => d !== undefined);
  return (
    <div className="node-tooltip" role="tooltip" style={style}>
      {detections.slice(0, MAX_LINES).map((d) => (
        <div key={d.id}>
          <Name text={`${d.file}:${d.line}`} cap={60} /> <span className="muted">· <Name text={d.service} cap={30} /></span>
        </div>
      ))}
      {detections.length > MAX_LINES && <div className="muted">… {detections.length - MAX_LINES} more</div>}
    </div>
  );
}
