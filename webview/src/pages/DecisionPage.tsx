// Steps through one decision tree. The user's own answers (node keys from the root) live in the persisted
// view state; from where they end, the questions the index answered are answered for the user, each with
// its evidence and a way to override it. The tree is drawn below with the walked branch highlighted.
import { useEffect, useRef } from 'react';
import { answeredPath, answeredSteps } from '../../../src/core/decisions/answeredWalk';
import { DECISION_TREES, getDecisionTree } from '../../../src/core/decisions/catalog';
import { decisionFlowchart } from '../../../src/core/decisions/flowchart';
import type { DecisionTreeId } from '../../../src/core/decisions/types';
import { resolveWalk } from '../../../src/core/decisions/walk';
import type { Principle } from '../../../src/core/principles/types';
import type { LocationRef, PreAnswerSnapshot, WebviewPage } from '../../../src/protocol/messages';
import { Breadcrumbs } from '../components/Breadcrumbs';
import { DecisionLeafView } from '../components/DecisionLeafView';
import { DecisionQuestionView } from '../components/DecisionQuestionView';
import { DecisionStepView } from '../components/DecisionStepView';
import { MermaidDiagram } from '../components/MermaidDiagram';
import { TreePicker } from '../components/TreePicker';
import { VscodeButton } from '../elements';

interface Props {
  treeId: string;
  walk: string[] | undefined;
  principles: Principle[];
  /** The index's pre-answers for this tree, by question key. */
  preAnswers: Record<string, PreAnswerSnapshot>;
  onWalk(treeId: DecisionTreeId, path: string[]): void;
  onNavigate(page: WebviewPage): void;
  onInsertScaffold(scaffoldId: string, variantId: string | undefined): void;
  onOpen(location: LocationRef): void;
  onSaveRecord(treeId: DecisionTreeId, path: string[]): void;
}

const NONE: Record<string, PreAnswerSnapshot> = {};

export function DecisionPage(props: Props) {
  const { treeId, walk, principles, onWalk, onNavigate, onInsertScaffold, onOpen, onSaveRecord } = props;
  const tree = getDecisionTree(treeId);
  const pre = tree ? props.preAnswers : NONE;
  const userPath = tree ? resolveWalk(tree, walk ?? []) : [];
  const path = tree ? answeredPath(tree, userPath, pre) : [];
  const steps = tree ? answeredSteps(tree, path, pre) : [];
  const current = steps[steps.length - 1];
  const hasPre = Object.keys(pre).length > 0;
  // What the user sees answered from the code on this path (other pre-answers wait on other branches).
  const fromCode = steps.filter((s) => s.source === 'code').length;
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

  if (!tree || !current) {
    return (
      <main className="page" aria-labelledby="decision-title">
        <TreePicker trees={DECISION_TREES} current={treeId} onNavigate={onNavigate} />
        <p role="alert" id="decision-title">
          Unknown decision “{treeId}”. Choose one above.
        </p>
      </main>
    );
  }
  // Choosing an answer at step `i` makes the user's path end there; pre-answers resume after it.
  const choose = (i: number, next: string) => onWalk(tree.id, [...path.slice(0, i + 1), next]);

  return (
    <main className="page" aria-labelledby="decision-title">
      <TreePicker trees={DECISION_TREES} current={treeId} onNavigate={onNavigate} />
      <h1 id="decision-title">{tree.title}</h1>
      <p className="muted">{tree.description}</p>
      {!hasPre ? (
        <Breadcrumbs steps={steps} onGoTo={(depth) => onWalk(tree.id, path.slice(0, depth + 1))} />
      ) : (
        <section aria-labelledby="answered-title">
          <h2 id="answered-title" className="section-title">
            Answered so far
          </h2>
          <p className="muted">
            {fromCode} {fromCode === 1 ? 'question was' : 'questions were'} answered from your code. Check the evidence; change any answer
            that does not fit this decision.
          </p>
          <ol className="decision-steps">
            {steps.slice(0, -1).map((step, i) => (
              <DecisionStepView key={step.key} step={step} onOpen={onOpen} onChange={(next) => choose(i, next)} />
            ))}
          </ol>
        </section>
      )}
      {current.node.kind === 'question' ? (
        <DecisionQuestionView question={current.node} onAnswer={(next) => choose(steps.length - 1, next)} />
      ) : (
        <DecisionLeafView
          leaf={current.node}
          principles={principles}
          onNavigate={onNavigate}
          onInsertScaffold={onInsertScaffold}
          onSaveRecord={() => onSaveRecord(tree.id, path)}
        />
      )}
      <div className="actions">
        <VscodeButton secondary icon="arrow-left" disabled={userPath.length <= 1} onClick={() => onWalk(tree.id, userPath.slice(0, -1))}>
          Back
        </VscodeButton>
        <VscodeButton secondary icon="debug-restart" disabled={path.length <= 1 && userPath.length <= 1} onClick={() => onWalk(tree.id, [tree.root])}>
          Start over
        </VscodeButton>
      </div>
      <section aria-labelledby="decision-chart-title" className="decision-chart">
        <h2 id="decision-chart-title" className="section-title">
          The decision tree
        </h2>
        <MermaidDiagram source={decisionFlowchart(tree, path, pre)} />
      </section>
    </main>
  );
}
