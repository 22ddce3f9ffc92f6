// The decision trees in the order the UI lists them, and lookups by id and by principle.
import type { PrincipleId } from '../principles/types';
import type { DecisionTree, DecisionTreeId } from './types';
import { DECISION_TREE_IDS } from './types';
import { serverPushTransport } from './trees/serverPushTransport';
import { brokerChoice } from './trees/brokerChoice';
import { eventSourcingNeed } from './trees/eventSourcingNeed';
import { cqrsLevel } from './trees/cqrsLevel';
import { publishAfterWrite } from './trees/publishAfterWrite';
import { mutationUiUpdate } from './trees/mutationUiUpdate';

export const DECISION_TREES: readonly DecisionTree[] = [
  serverPushTransport,
  brokerChoice,
  eventSourcingNeed,
  cqrsLevel,
  publishAfterWrite,
  mutationUiUpdate,
];

export function isDecisionTreeId(value: unknown): value is DecisionTreeId {
  return typeof value === 'string' && (DECISION_TREE_IDS as readonly string[]).includes(value);
}

export function getDecisionTree(id: string): DecisionTree | undefined {
  return DECISION_TREES.find((t) => t.id === id);
}

/** Trees that draw on a principle, for the principle page's "Decide" links. */
export function treesForPrinciple(id: PrincipleId): DecisionTree[] {
  return DECISION_TREES.filter((t) => t.principles.includes(id));
}
