// The sentence above the diagram: loading, indexing, nothing found, a summarised graph (with how to see
// the rest), or a graph too big to draw (with a focus suggestion). Never Mermaid's own error text.
import type { FlowGraphSnapshot, IndexStatus } from '../../../src/protocol/messages';
import type { DrawResult } from './drawDiagram';
import type { Focus } from './diagramState';
import { Name } from './names';

interface Props {
  graph: FlowGraphSnapshot | null | undefined;
  index: IndexStatus;
  draw: DrawResult | null;
  onFocus(focus: Focus): void;
  onReindex(): void;
}

/** The service with the most producers and consumers: the suggested focus for a graph too big to draw. */
function busiestService(graph: FlowGraphSnapshot): string | null {
  const counts = new Map<string, number>();
  for (const d of graph.detections) counts.set(d.service, (counts.get(d.service) ?? 0) + 1);
  let best: string | null = null;
  for (const [service, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = service;
  return best;
}

export function DiagramNotice({ graph, index, draw, onFocus, onReindex }: Props) {
  if (graph === undefined) return <p role="status" className="diagram-note">Loading the flow graph…</p>;
  if (index.state === 'indexing' && !graph) {
    return (
      <p role="status" className="diagram-note">
        Indexing the workspace ({index.done} / {index.total} files)…
      </p>
    );
  }
  if (!graph) {
    return (
      <p role="status" className="diagram-note">
        No flow index yet.{' '}
        <button type="button" className="link" onClick={onReindex}>
          Index the workspace
        </button>
      </p>
    );
  }
  if (graph.flows.length === 0) return <p role="status" className="diagram-note">No event flows were found in this workspace.</p>;
  if (!draw) return <p role="status" className="diagram-note">Drawing the diagram…</p>;
  const suggestion = busiestService(graph);
  const focusButton = suggestion && (
    <button type="button" className="link" onClick={() => onFocus({ kind: 'service', service: suggestion })}>
      Focus on <Name text={suggestion} cap={40} />
    </button>
  );
  if (!draw.ok) {
    return (
      <div role="alert" className="diagram-note diagram-too-big">
        <p>
          This graph is too big to draw ({draw.model.channelsTotal} channels, {draw.model.endpoints} producers and consumers). Focus on one
          channel or service, or hide brokers or pick a service above. {focusButton}
        </p>
      </div>
    );
  }
  const { model } = draw;
  const collapsed = model.detail === 'service';
  const partial = model.channelsShown < model.channelsTotal;
  return (
    <p role="status" className="diagram-note" data-collapsed={collapsed}>
      {model.channelsShown} of {model.channelsTotal} channels
      {collapsed && ' · services collapsed to one producer and one consumer node each'}
      {partial && <> · the busiest channels only: focus on a channel or a service to see the rest. {focusButton}</>}
    </p>
  );
}
