// Stepping through a tree. A walk is the list of node keys from the root to the current node; it is what
// the webview persists, so a path restored from old state is re-validated against the tree rather than
// trusted (a tree may have changed between versions).
import type { DecisionNode, DecisionTree, LeafNode, QuestionNode } from './types';

export interface WalkStep {
  key: string;
  node: DecisionNode;
  /** The answer label chosen at this step to go on, if any. */
  chosen?: string;
}

export function nodeAt(tree: DecisionTree, key: string): DecisionNode | undefined {
  return Object.prototype.hasOwnProperty.call(tree.nodes, key) ? tree.nodes[key] : undefined;
}

/**
 * The longest valid prefix of `path` (which must start at the root). An empty or foreign path yields
 * just the root, so the caller always has a node to show.
 */
export function resolveWalk(tree: DecisionTree, path: readonly string[]): string[] {
  const valid: string[] = [tree.root];
  for (let i = 1; i < path.length; i++) {
    const current = nodeAt(tree, valid[valid.length - 1] ?? tree.root);
    const next = path[i];
    if (path[0] !== tree.root || !current || current.kind !== 'question' || next === undefined) break;
    if (!current.answers.some((a) => a.next === next)) break;
    valid.push(next);
  }
  return valid;
}

/** The steps of a resolved walk, each with the answer that was taken from it. */
export function walkSteps(tree: DecisionTree, path: readonly string[]): WalkStep[] {
  const keys = resolveWalk(tree, path);
  return keys.flatMap((key, i) => {
    const node = nodeAt(tree, key);
    if (!node) return [];
    const nextKey = keys[i + 1];
    const chosen = node.kind === 'question' ? node.answers.find((a) => a.next === nextKey)?.label : undefined;
    return [chosen === undefined ? { key, node } : { key, node, chosen }];
  });
}

export function isLeaf(node: DecisionNode): node is LeafNode {
  return node.kind === 'leaf';
}

export function isQuestion(node: DecisionNode): node is QuestionNode {
  return node.kind === 'question';
}
