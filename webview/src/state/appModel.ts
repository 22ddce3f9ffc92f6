// The webview's whole model: what the host sent (principles, graph, index status) and the UI state the
// user owns (page, decision walks). A pure reducer, so the transitions are testable without React.
import type { DecisionsSnapshot, FlowGraphSnapshot, HostMessage, IndexStatus, WebviewPage } from '../../../src/protocol/messages';
import type { Principle } from '../../../src/core/principles/types';
import type { DecisionTreeId } from '../../../src/core/decisions/types';
import { withPage, type ViewState } from './viewState';

export interface HostData {
  principles: Principle[];
  graph: FlowGraphSnapshot | null;
  index: IndexStatus;
  decisions: DecisionsSnapshot;
}

export interface AppModel {
  /** Null until the first snapshot arrives. */
  data: HostData | null;
  view: ViewState;
}

export type AppAction =
  | { type: 'host'; message: HostMessage }
  | { type: 'navigate'; page: WebviewPage }
  | { type: 'walk'; treeId: DecisionTreeId; path: string[] };

export function appReducer(model: AppModel, action: AppAction): AppModel {
  switch (action.type) {
    case 'navigate':
      return { ...model, view: withPage(model.view, action.page) };
    case 'walk':
      return { ...model, view: { ...model.view, walks: { ...model.view.walks, [action.treeId]: action.path } } };
    case 'host':
      return applyHostMessage(model, action.message);
  }
}

function applyHostMessage(model: AppModel, message: HostMessage): AppModel {
  switch (message.type) {
    case 'snapshot': {
      const { principles, graph, index, page } = message.snapshot;
      // An older host may send no pre-answers: every question is then the user's.
      const decisions = message.snapshot.decisions ?? {};
      // The host's page wins: it is where the user asked to go (a command, a code lens). The walks kept in
      // the view state still restore how far each decision had got.
      return { data: { principles, graph, index, decisions }, view: withPage(model.view, page) };
    }
    case 'navigate':
      return { ...model, view: withPage(model.view, message.page) };
    case 'graph':
      return model.data ? { ...model, data: { ...model.data, graph: message.graph } } : model;
    case 'indexStatus':
      return model.data ? { ...model, data: { ...model.data, index: message.status } } : model;
    case 'decisions':
      return model.data ? { ...model, data: { ...model.data, decisions: message.decisions } } : model;
  }
}
