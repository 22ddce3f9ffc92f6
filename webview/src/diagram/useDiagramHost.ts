// The panel's link to the host: the graph and index status it pushes, `ready` once the listener is in place
// (so the first graph cannot be missed), and the user's view state persisted on every change.
import { useEffect, useState } from 'react';
import type { FlowGraphSnapshot, IndexStatus } from '../../../src/protocol/messages';
import type { DiagramHostMessage } from '../../../src/protocol/diagramMessages';
import { DIAGRAM_HOST_TYPES } from '../../../src/protocol/diagramMessages';
import { loadPersistedState, persistState, postDiagramMessage } from '../vscodeApi';
import type { DiagramViewState } from './diagramState';
import { parseDiagramState } from './diagramState';

export interface HostGraph {
  /** Undefined until the host's first message. */
  graph: FlowGraphSnapshot | null | undefined;
  index: IndexStatus;
}

function asDiagramMessage(data: unknown): DiagramHostMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const type = (data as { type?: unknown }).type;
  return typeof type === 'string' && DIAGRAM_HOST_TYPES.has(type) ? (data as DiagramHostMessage) : null;
}

export function useDiagramHost(): HostGraph {
  const [state, setState] = useState<HostGraph>({ graph: undefined, index: { state: 'idle' } });
  useEffect(() => {
    const onMessage = (event: MessageEvent<unknown>): void => {
      const message = asDiagramMessage(event.data);
      if (message?.type === 'diagramGraph') setState({ graph: message.graph, index: message.index });
      if (message?.type === 'diagramIndexStatus') setState((s) => ({ ...s, index: message.status }));
    };
    window.addEventListener('message', onMessage);
    postDiagramMessage({ type: 'ready' });
    return () => window.removeEventListener('message', onMessage);
  }, []);
  return state;
}

export function usePersistentView(): [DiagramViewState, React.Dispatch<React.SetStateAction<DiagramViewState>>] {
  const [view, setView] = useState<DiagramViewState>(() => parseDiagramState(loadPersistedState()));
  useEffect(() => persistState(view), [view]);
  return [view, setView];
}
