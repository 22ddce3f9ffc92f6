// Pre-answers by tree. Trees whose questions are about intent the code cannot show (event sourcing,
// CQRS, a mutation's stakes) get none: the user answers every question there.
import type { DecisionTree, DecisionTreeId } from '../types';
import { brokerPreAnswers } from './broker';
import { publishAfterWritePreAnswers } from './publishAfterWrite';
import { transportPreAnswers } from './transport';
import type { DecisionFacts, PreAnswer, PreAnswers } from './types';

const BY_TREE: Partial<Record<DecisionTreeId, (facts: DecisionFacts) => Record<string, PreAnswer>>> = {
  'server-push-transport': transportPreAnswers,
  'broker-choice': brokerPreAnswers,
  'publish-after-write': publishAfterWritePreAnswers,
};

/**
 * The questions of `tree` the facts answer. Only answers the tree really offers at that question are
 * kept, so a pre-answer can never lead the walk off the tree.
 */
export function preAnswerTree(tree: DecisionTree, facts: DecisionFacts): PreAnswers {
  const raw = BY_TREE[tree.id]?.(facts) ?? {};
  const out: Record<string, PreAnswer> = {};
  for (const [key, answer] of Object.entries(raw)) {
    const node = Object.prototype.hasOwnProperty.call(tree.nodes, key) ? tree.nodes[key] : undefined;
    if (node?.kind === 'question' && node.answers.some((a) => a.next === answer.next) && answer.evidence.length > 0) out[key] = answer;
  }
  return out;
}

export type { ConfigFileRef, DecisionFacts, Evidence, PreAnswer, PreAnswers } from './types';
