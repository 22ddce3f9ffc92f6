// The webview root: nav + the current page, driven by the host's snapshot and the persisted view state.
import type { LocationRef, WebviewPage } from '../../src/protocol/messages';
import { DECISION_TREES } from '../../src/core/decisions/catalog';
import type { PrincipleId } from '../../src/core/principles/types';
import { Nav, type NavTarget } from './components/Nav';
import { DecisionPage } from './pages/DecisionPage';
import { FlowsPage } from './pages/FlowsPage';
import { PrinciplePage } from './pages/PrinciplePage';
import { isTreeId, type ViewState } from './state/viewState';
import { useAppModel } from './state/useAppModel';
import { postToHost } from './vscodeApi';

/** Where a nav tab leads: the last principle or tree the user saw, else the first one. */
function pageForTab(target: NavTarget, view: ViewState, firstPrinciple: PrincipleId | undefined): WebviewPage | null {
  if (target === 'flows') return { kind: 'flows' };
  if (target === 'decision') {
    const treeId = view.lastTree ?? DECISION_TREES[0]?.id;
    return treeId ? { kind: 'decision', treeId } : null;
  }
  const id = view.lastPrinciple ?? firstPrinciple;
  return id ? { kind: 'principle', id } : null;
}

export function App() {
  const { model, navigate, setWalk } = useAppModel();
  const { data, view } = model;

  if (!data) {
    return (
      <p role="status" className="page">
        Loading Event Architect…
      </p>
    );
  }

  const onSelect = (target: NavTarget): void => {
    const page = pageForTab(target, view, data.principles[0]?.id);
    if (page) navigate(page);
  };
  const openLocation = (location: LocationRef): void => postToHost({ type: 'openLocation', location });
  const page = view.page ?? { kind: 'flows' as const };

  return (
    <div className="app">
      <Nav current={page} onSelect={onSelect} />
      {page.kind === 'principle' && <PrinciplePage id={page.id} principles={data.principles} onNavigate={navigate} />}
      {page.kind === 'flows' && (
        <FlowsPage
          graph={data.graph}
          index={data.index}
          onOpen={openLocation}
          onReindex={() => postToHost({ type: 'reindex' })}
          onShowPrinciples={() => onSelect('principle')}
          onOpenDiagram={() => postToHost({ type: 'openFlowDiagram' })}
        />
      )}
      {page.kind === 'decision' && (
        <DecisionPage
          treeId={page.treeId}
          walk={isTreeId(page.treeId) ? view.walks[page.treeId] : undefined}
          principles={data.principles}
          preAnswers={data.decisions[page.treeId] ?? {}}
          onWalk={setWalk}
          onOpen={openLocation}
          onSaveRecord={(treeId, path) => postToHost({ type: 'saveDecisionRecord', treeId, path })}
          onNavigate={navigate}
          onInsertScaffold={(scaffoldId, variantId) =>
            postToHost(variantId === undefined ? { type: 'insertScaffold', scaffoldId } : { type: 'insertScaffold', scaffoldId, variantId })
          }
        />
      )}
    </div>
  );
}
