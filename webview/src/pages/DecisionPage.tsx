// Steps through one decision tree. The walk (node keys from the root) lives in the persisted view state,
// so hiding and showing the view returns to the same question.
import { useEffect, useRef } from 'react';
import { DECISION_TREES, getDecisionTree } from '../../../src/core/decisions/catalog';
import type { DecisionTreeId } from '../../../src/core/decisions/types';
import { resolveWalk, walkSteps } from '../../../src/core/decisions/walk';
import type { Principle } from '../../../src/core/principles/types';
import type { WebviewPage } from '../../../src/protocol/messages';
import { Breadcrumbs } from '../components/Breadcrumbs';
import { DecisionLeafView } from '../components/DecisionLeafView';
import { DecisionQuestionView } from '../components/DecisionQuestionView';
import { TreePicker } from '../components/TreePicker';
import { VscodeButton } from '../elements';

interface Props {
  treeId: string;
  walk: string[] | undefined;
  principles: Principle[];
  onWalk(treeId: DecisionTreeId, path: string[]): void;
  onNavigate(page: WebviewPage): void;
  onInsertScaffold(scaffoldId: string, variantId: string | undefined): void;
}

export function DecisionPage({ treeId, walk, principles, onWalk, onNavigate, onInsertScaffold }: Props) {
  const tree = getDecisionTree(treeId);
  const path = tree ? resolveWalk(tree, walk ?? []) : [];
  const steps = tree ? walkSteps(tree, path) : [];
  const current = steps[steps.length - 1];
  const focusKey = useRef<string | null>(null);

  // Move focus to the new question or recommendation after each step, so keyboard and screen-reader
  // users land on what changed (not on the first load: focus stays where the user is).
  useEffect(() => {
    const key = current ? `${treeId}/${current.key}` : null;
    if (focusKey.current !== null && focusKey.current !== key) {
      document.getElementById(current?.node.kind === 'leaf' ? 'leaf-title' : 'question-title')?.focus();
    }
    focusKey.current = key;
  }, [treeId, current]);

  return (
    <main className="page" aria-labelledby="decision-title">
      <TreePicker trees={DECISION_TREES} current={treeId} onNavigate={onNavigate} />
      {!tree || !current ? (
        <p role="alert" id="decision-title">
          Unknown decision “{treeId}”. Choose one above.
        </p>
      ) : (
        <>
          <h1 id="decision-title">{tree.title}</h1>
          <p className="muted">{tree.description}</p>
          <Breadcrumbs steps={steps} onGoTo={(depth) => onWalk(tree.id, path.slice(0, depth + 1))} />
          {current.node.kind === 'question' ? (
            <DecisionQuestionView question={current.node} onAnswer={(next) => onWalk(tree.id, [...path, next])} />
          ) : (
            <DecisionLeafView leaf={current.node} principles={principles} onNavigate={onNavigate} onInsertScaffold={onInsertScaffold} />
          )}
          <div className="actions">
            <VscodeButton secondary icon="arrow-left" disabled={path.length <= 1} onClick={() => onWalk(tree.id, path.slice(0, -1))}>
              Back
            </VscodeButton>
            <VscodeButton secondary icon="debug-restart" disabled={path.length <= 1} onClick={() => onWalk(tree.id, [tree.root])}>
              Start over
            </VscodeButton>
          </div>
        </>
      )}
    </main>
  );
}
