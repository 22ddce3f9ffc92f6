// The side list of the selected node: a channel's producers and consumers, or the code behind a producer
// or consumer node. Each entry opens its file at its line; a channel or a service can become the focus.
import type { DetectionSummary, FlowGraphSnapshot, LocationRef } from '../../../src/protocol/messages';
import type { DiagramNode } from '../../../src/core/render/diagramNodes';
import { Name } from './names';
import type { Focus } from './diagramState';

interface Props {
  graph: FlowGraphSnapshot;
  node: DiagramNode;
  byId: Map<string, DetectionSummary>;
  onOpen(location: LocationRef): void;
  onFocus(focus: Focus): void;
  onClose(): void;
}

function Entries({ title, ids, byId, onOpen }: { title: string; ids: string[]; byId: Props['byId']; onOpen: Props['onOpen'] }) {
  const detections = ids.map((id) => byId.get(id)).filter((d): d is DetectionSummary => d !== undefined);
  return (
    <section className="node-side">
      <h3>
        {title} ({detections.length})
      </h3>
      {detections.length === 0 ? (
        <p className="muted">None found</p>
      ) : (
        <ul>
          {detections.map((d) => (
            <li key={d.id}>
              <button type="button" className="link endpoint" onClick={() => onOpen(d.location)} title={`${d.file}:${d.line}`}>
                <Name text={`${d.file}:${d.line}`} cap={70} />
                {d.enclosingFunction && (
                  <>
                    {' '}
                    <Name className="endpoint-fn" text={d.enclosingFunction} cap={40} />
                  </>
                )}
                <span className="endpoint-meta">
                  {' '}
                  <Name text={d.service} cap={40} /> · {d.kind}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function NodeDetails({ graph, node, byId, onOpen, onFocus, onClose }: Props) {
  const flow = node.kind === 'channel' ? graph.flows.find((f) => f.id === node.flowId) : undefined;
  return (
    <aside className="node-details" aria-label="Selected node">
      <header>
        {flow ? (
          <h2>
            <span className="flow-broker">{flow.broker}</span> <Name text={flow.channel} cap={60} />
          </h2>
        ) : node.kind === 'endpoint' ? (
          <h2>
            {node.side === 'producer' ? 'Producers' : 'Consumers'} in <Name text={node.service} cap={40} />
          </h2>
        ) : (
          <h2>Channel</h2>
        )}
        <button type="button" className="link" aria-label="Close the side list" onClick={onClose}>
          ✕
        </button>
      </header>
      <div className="node-actions">
        {flow && (
          <button type="button" className="link" onClick={() => onFocus({ kind: 'channel', flowId: flow.id })}>
            Focus on this channel
          </button>
        )}
        {node.kind === 'endpoint' && (
          <button type="button" className="link" onClick={() => onFocus({ kind: 'service', service: node.service })}>
            Focus on this service
          </button>
        )}
      </div>
      {flow ? (
        <>
          <Entries title="Producers" ids={flow.producers} byId={byId} onOpen={onOpen} />
          <Entries title="Consumers" ids={flow.consumers} byId={byId} onOpen={onOpen} />
        </>
      ) : node.kind === 'endpoint' ? (
        <Entries title={node.side === 'producer' ? 'Producers' : 'Consumers'} ids={node.detectionIds} byId={byId} onOpen={onOpen} />
      ) : null}
    </aside>
  );
}
