export * from './types';
export { DECISION_TREES, getDecisionTree, isDecisionTreeId, treesForPrinciple } from './catalog';
export { nodeAt, resolveWalk, walkSteps, isLeaf, isQuestion } from './walk';
export type { WalkStep } from './walk';
