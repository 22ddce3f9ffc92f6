// Every flow as broker · channel with its producers and consumers. An endpoint is a detection id; when the
// graph carries that detection, the endpoint is a button that asks the host to open its location. Every
// name from the code goes through SafeName (visible controls, capped, bidi-isolated).
import type { DetectionSummary, FlowGraphSnapshot, LocationRef } from '../../../src/protocol/messages';
import { VscodeBadge } from '../elements';
import { displayName } from '../../../src/core/text/bidi';
import { SafeName, WEBVIEW_NAME_CAP } from './SafeName';

interface Props {
  graph: FlowGraphSnapshot;
  onOpen(location: LocationRef): void;
}

function Endpoint({ id, role, detection, onOpen }: { id: string; role: string; detection: DetectionSummary | undefined; onOpen: Props['onOpen'] }) {
  if (!detection) {
    return (
      <span className="endpoint-unresolved">
        <SafeName name={id} />
      </span>
    );
  }
  // The accessible name reads the same capped, visible text as the label.
  const where = `${displayName(detection.file, WEBVIEW_NAME_CAP).text}:${detection.line}`;
  return (
    <button type="button" className="link endpoint" aria-label={`Open ${role} ${where}`} onClick={() => onOpen(detection.location)}>
      <span className="endpoint-where">
        <SafeName name={detection.file} />:{detection.line}
      </span>
      {detection.enclosingFunction && (
        <span className="endpoint-fn">
          {' '}
          <SafeName name={detection.enclosingFunction} />
        </span>
      )}
      <span className="endpoint-meta">
        {' '}
        <SafeName name={detection.service} /> · <SafeName name={detection.library} />
      </span>
    </button>
  );
}

function Side({ title, role, ids, byId, onOpen }: { title: string; role: string; ids: string[]; byId: Map<string, DetectionSummary>; onOpen: Props['onOpen'] }) {
  return (
    <div className="flow-side">
      <h4>
        {title} <VscodeBadge>{ids.length}</VscodeBadge>
      </h4>
      {ids.length === 0 ? (
        <p className="muted">None found</p>
      ) : (
        <ul>
          {ids.map((id) => (
            <li key={id}>
              <Endpoint id={id} role={role} detection={byId.get(id)} onOpen={onOpen} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function FlowList({ graph, onOpen }: Props) {
  const byId = new Map(graph.detections.map((d) => [d.id, d]));
  return (
    <ul className="flows" aria-label="Flows">
      {graph.flows.map((flow) => (
        <li key={flow.id} className="flow">
          <h3>
            <span className="flow-broker">{flow.broker}</span>{' '}
            <code>
              <SafeName name={flow.channel} />
            </code>
          </h3>
          <div className="flow-sides">
            <Side title="Producers" role="producer" ids={flow.producers} byId={byId} onOpen={onOpen} />
            <Side title="Consumers" role="consumer" ids={flow.consumers} byId={byId} onOpen={onOpen} />
          </div>
        </li>
      ))}
    </ul>
  );
}
