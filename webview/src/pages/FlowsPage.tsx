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
  onShowPrinciples(): void;
  /** Opens the diagram as an editor panel (zoom, filters, click to code). */
  onOpenDiagram(): void;
}

export function FlowsPage({ graph, index, onOpen, onReindex, onShowPrinciples, onOpenDiagram }: Props) {
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
      {graph === null && busy ? (
        // Indexing has started: the status above shows the progress; no button to start it again.
        <section className="empty skeleton" aria-label="Indexing" aria-busy="true">
          <p>The flows appear here as soon as the index is ready.</p>
        </section>
      ) : graph === null ? (
        <section className="empty" aria-label="No index">
          <p>No flow index yet. Index the workspace to find its producers, consumers and channels.</p>
          {reindexButton}
        </section>
      ) : graph.flows.length === 0 ? (
        <section className="empty" aria-label="No flows">
          <p>
            {graph.detections.length === 0
              ? 'No event code found in this workspace.'
              : 'Event code was found, but no channel has both a producer and a consumer the index could match.'}
          </p>
          <p>
            Event Architect looks in TypeScript and JavaScript for socket.io, ws, Server-Sent Events, Redis, Kafka, NATS, RabbitMQ,
            BullMQ, EventEmitter, tRPC subscriptions, outbox tables and TanStack Query mutations.
          </p>
          <p>
            <button type="button" className="link" onClick={onShowPrinciples}>
              Browse the principles
            </button>{' '}
            or open a decision tree to plan what to build.
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
