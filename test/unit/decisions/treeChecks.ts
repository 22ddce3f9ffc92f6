// Structural checks over a decision tree, written independently of src/core/decisions so the tests do not
// ask the code under test to judge itself. Each returns human-readable problems (empty = sound).
import type { DecisionTree } from '../../../src/core/decisions/types';

function children(tree: DecisionTree, key: string): string[] {
  const node = tree.nodes[key];
  return node && node.kind === 'question' ? node.answers.map((a) => a.next) : [];
}

export function danglingEdges(tree: DecisionTree): string[] {
  const problems: string[] = [];
  if (!(tree.root in tree.nodes)) problems.push(`root "${tree.root}" is not a node`);
  for (const [key, node] of Object.entries(tree.nodes)) {
    if (node.kind !== 'question') continue;
    for (const a of node.answers) if (!(a.next in tree.nodes)) problems.push(`${key} → "${a.next}" does not exist`);
  }
  return problems;
}

/** Depth-first search with grey/black colouring: a grey node met again closes a cycle. */
export function cycles(tree: DecisionTree): string[] {
  const colour = new Map<string, 'grey' | 'black'>();
  const problems: string[] = [];
  const visit = (key: string, trail: string[]): void => {
    if (colour.get(key) === 'grey') {
      problems.push(`cycle: ${[...trail, key].join(' → ')}`);
      return;
    }
    if (colour.get(key) === 'black') return;
    colour.set(key, 'grey');
    for (const next of children(tree, key)) visit(next, [...trail, key]);
    colour.set(key, 'black');
  };
  visit(tree.root, []);
  return problems;
}

/** Every root-to-end path; only meaningful on an acyclic tree. */
export function allPaths(tree: DecisionTree): string[][] {
  const out: string[][] = [];
  const walk = (key: string, trail: string[]): void => {
    const next = children(tree, key);
    if (next.length === 0) out.push([...trail, key]);
    for (const n of next) walk(n, [...trail, key]);
  };
  walk(tree.root, []);
  return out;
}

export function reachable(tree: DecisionTree): Set<string> {
  const seen = new Set<string>();
  const stack = [tree.root];
  while (stack.length > 0) {
    const key = stack.pop() as string;
    if (seen.has(key)) continue;
    seen.add(key);
    stack.push(...children(tree, key));
  }
  return seen;
}

/** Collapses whitespace so a quote wrapped differently in the Markdown still matches. */
export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
