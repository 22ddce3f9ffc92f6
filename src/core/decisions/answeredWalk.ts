// A walk with the index's pre-answers. The user's own path (what the webview persists) is followed
// first; from where it ends, every question the index answered is answered for the user, until a
// question it cannot answer or a leaf. Overriding a pre-answer is choosing another answer at that step:
// the user's path then ends there, and pre-answers resume after it.
import type { PreAnswer } from './preanswer';
import type { DecisionTree } from './types';
import { nodeAt, resolveWalk, walkSteps } from './walk';
import type { WalkStep } from './walk';

/** Who chose the answer taken at a step. */
export type AnswerSource = 'code' | 'override' | 'user';

/** Anything with the answer it picks: the core's pre-answers, or the webview's copy of them. */
type Picks = Readonly<Record<string, { next: string }>>;

export interface AnsweredStep<P extends { next: string } = PreAnswer> extends WalkStep {
  /** The key of the answer taken from this step, if any. */
  chosenNext?: string;
  pre?: P;
  source?: AnswerSource;
}

export function answeredPath(tree: DecisionTree, userPath: readonly string[], pre: Picks): string[] {
  const path = resolveWalk(tree, userPath);
  const seen = new Set(path);
  for (;;) {
    const last = path[path.length - 1] ?? tree.root;
    const node = nodeAt(tree, last);
    const answer = Object.prototype.hasOwnProperty.call(pre, last) ? pre[last] : undefined;
    // Trees are acyclic (a test proves it); `seen` only guards against a malformed tree looping forever.
    if (node?.kind !== 'question' || !answer || seen.has(answer.next)) break;
    if (!node.answers.some((a) => a.next === answer.next)) break;
    path.push(answer.next);
    seen.add(answer.next);
  }
  return path;
}

export function answeredSteps<P extends { next: string }>(
  tree: DecisionTree,
  path: readonly string[],
  pre: Readonly<Record<string, P>>,
): AnsweredStep<P>[] {
  const steps = walkSteps(tree, path);
  return steps.map((step, i) => {
    const chosenNext = steps[i + 1]?.key;
    const answer = Object.prototype.hasOwnProperty.call(pre, step.key) ? pre[step.key] : undefined;
    if (step.node.kind !== 'question') return step;
    const out: AnsweredStep<P> = { ...step };
    if (answer) out.pre = answer;
    if (chosenNext !== undefined) {
      out.chosenNext = chosenNext;
      out.source = answer ? (answer.next === chosenNext ? 'code' : 'override') : 'user';
    }
    return out;
  });
}
