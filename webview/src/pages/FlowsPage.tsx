// The workspace's event flows: index status, the Mermaid diagram and the list of flows. Without an index
// yet, an empty state offers to build one.
import { useState } from 'react';
import type { FlowGraphSnapshot, IndexStatus, LocationRef } from '../../../src/protocol/messages';
import { VscodeButton } from '../elements';
import { FlowList } from '../components/FlowList';
import { filterFlows } from '../components/flowFilter';
import { IndexStatusView } from '../components/IndexStatusView';
import { MermaidDiagram } from '../components/MermaidDiagram';

interface Props {
  graph: FlowGraphSnapshot | null;
  index: IndexStatus;
  onOpen(location: LocationRef): void;
  onReindex(): void;
  /** Opens the diagram as an editor panel (zoom, filters, click to code). */
  onOpenDiagram(): void;
}

export function FlowsPage({ graph, index, onOpen, onReindex, onOpenDiagram }: Props) {
  const [query, setQuery] = useState('');
  const shown = graph ? filterFlows(graph, query) : [];
  const busy = index.state === 'indexing';
  // `disabled` stops clicks in the browser; the guard also covers a click that races the status update.
  const reindexButton = (
    <VscodeButton
      secondary={graph !== null}
      icon="refresh"
      disabled={busy}
      aria-disabled={busy ? 'true' : 'false'}
      onClick={() => {
        if (!busy) onReindex();
      }}
    >
      Re-index
    </VscodeButton>
  );
  return (
    <main className="page" aria-labelledby="flows-title">
      <header className="page-header">
        <h1 id="flows-title">Event flows</h1>
        {graph !== null && reindexButton}
      </header>
      <IndexStatusView status={index} />
      {graph === null ? (
        <section className="empty" aria-label="No index">
          <p>No flow index yet. Index the workspace to find its producers, consumers and channels.</p>
          {reindexButton}
        </section>
      ) : graph.flows.length === 0 ? (
        <section className="empty" aria-label="No flows">
          <p>
            No event flows were found in this workspace ({graph.detections.length}{' '}
            {graph.detections.length === 1 ? 'detection' : 'detections'}, none forming a flow).
          </p>
        </section>
      ) : (
        <>
          <section aria-labelledby="diagram-title">
            <h2 id="diagram-title">Diagram</h2>
            <VscodeButton secondary icon="open-preview" onClick={onOpenDiagram}>
              Open in Editor
            </VscodeButton>
            <MermaidDiagram source={graph.mermaid} />
          </section>
          <section aria-labelledby="flow-list-title">
            <h2 id="flow-list-title">
              {shown.length === graph.flows.length ? graph.flows.length : `${shown.length} of ${graph.flows.length}`}{' '}
              {graph.flows.length === 1 ? 'flow' : 'flows'}
            </h2>
            <div className="filter">
              <label htmlFor="flow-filter">Filter</label>
              <input
                id="flow-filter"
                type="search"
                value={query}
                placeholder="channel, broker, file, service…"
                onChange={(e) => setQuery(e.target.value)}
              />
            </div>
            <FlowList graph={{ ...graph, flows: shown }} onOpen={onOpen} />
          </section>
        </>
      )}
    </main>
  );
}
