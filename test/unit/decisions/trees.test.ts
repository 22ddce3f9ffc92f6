import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DECISION_SCAFFOLD_IDS,
  DECISION_TREE_IDS,
  DECISION_TREES,
  type DecisionTree,
  type Grounding,
} from '../../../src/core/decisions';
import { PRINCIPLES } from '../../../src/core/principles/catalog';
import { PRINCIPLE_IDS } from '../../../src/core/principles/types';
import { allPaths, cycles, danglingEdges, normalise, reachable } from './treeChecks';

const seed = normalise(readFileSync(path.join(__dirname, '../../fixtures/seed/realtime-principles.md'), 'utf8'));

function groundings(tree: DecisionTree): { where: string; g: Grounding }[] {
  return Object.entries(tree.nodes).map(([key, node]) => ({ where: `${tree.id}/${key}`, g: node.grounding }));
}

describe('decision tree catalog', () => {
  it('holds the six trees the product promises, once each', () => {
    expect(DECISION_TREES.map((t) => t.id).sort()).toEqual([...DECISION_TREE_IDS].sort());
    expect(DECISION_TREES.map((t) => t.title)).toEqual([
      'Which transport for server push?',
      'Which broker?',
      'Do I need event sourcing?',
      'CQRS level 1 or 2?',
      'How do I publish after a DB write?',
      'How should this mutation update the UI?',
    ]);
  });

  it('links every principle to at least one tree', () => {
    for (const id of PRINCIPLE_IDS) expect(DECISION_TREES.some((t) => t.principles.includes(id)), id).toBe(true);
  });

  it('offers every declared scaffold id from some leaf, so the list the scaffold library reconciles with is not stale', () => {
    const offered = new Set(
      DECISION_TREES.flatMap((t) => Object.values(t.nodes).flatMap((n) => (n.kind === 'leaf' && n.scaffoldId ? [n.scaffoldId] : []))),
    );
    expect([...offered].sort()).toEqual([...DECISION_SCAFFOLD_IDS].sort());
  });
});

describe.each(DECISION_TREES.map((t) => [t.id, t] as const))('tree %s', (_id, tree) => {
  it('has no dangling edges and no cycles', () => {
    expect(danglingEdges(tree)).toEqual([]);
    expect(cycles(tree)).toEqual([]);
  });

  it('ends every path in a leaf, after at least one question', () => {
    const paths = allPaths(tree);
    expect(paths.length).toBeGreaterThan(1);
    for (const p of paths) {
      expect(p.length, p.join(' → ')).toBeGreaterThanOrEqual(2);
      expect(tree.nodes[p[p.length - 1] as string]?.kind, p.join(' → ')).toBe('leaf');
    }
  });

  it('reaches every node from the root', () => {
    const seen = reachable(tree);
    expect(Object.keys(tree.nodes).filter((k) => !seen.has(k))).toEqual([]);
  });

  it('asks real questions: at least two distinct answers each', () => {
    for (const [key, node] of Object.entries(tree.nodes)) {
      if (node.kind !== 'question') continue;
      expect(node.answers.length, key).toBeGreaterThanOrEqual(2);
      expect(new Set(node.answers.map((a) => a.next)).size, `${key}: two answers lead to the same node`).toBe(node.answers.length);
    }
  });

  it('uses only valid principle ids, and every leaf principle is one the tree declares', () => {
    for (const p of tree.principles) expect(PRINCIPLE_IDS).toContain(p);
    for (const [key, node] of Object.entries(tree.nodes)) {
      expect(PRINCIPLE_IDS, key).toContain(node.grounding.principle);
      if (node.kind !== 'leaf') continue;
      expect(PRINCIPLE_IDS, key).toContain(node.principle);
      expect(node.grounding.principle, `${key} is grounded in another principle than it recommends`).toBe(node.principle);
      expect(tree.principles, key).toContain(node.principle);
    }
  });

  it('grounds every node in a verbatim statement of its principle', () => {
    for (const { where, g } of groundings(tree)) {
      const principle = PRINCIPLES.find((p) => p.id === g.principle);
      const text = principle ? normalise([principle.what, principle.why, principle.when, principle.whenNot].join(' ')) : '';
      expect(text, `${where}: "${g.quote}" is not in ${g.principle}`).toContain(normalise(g.quote));
      expect(seed, `${where}: not in the seed document`).toContain(normalise(g.quote));
    }
  });

  it('offers only known scaffolds and other existing trees', () => {
    for (const [key, node] of Object.entries(tree.nodes)) {
      if (node.kind !== 'leaf') continue;
      if (node.scaffoldId !== undefined) expect(DECISION_SCAFFOLD_IDS, key).toContain(node.scaffoldId);
      for (const other of node.seeAlso ?? []) {
        expect(DECISION_TREE_IDS, key).toContain(other);
        expect(other, `${key} refers to its own tree`).not.toBe(tree.id);
      }
      expect(node.title.trim().length, key).toBeGreaterThan(0);
      expect(node.recommendation.trim().length, key).toBeGreaterThan(20);
    }
  });
});

describe('the checks themselves', () => {
  const broken = {
    id: 'cqrs-level',
    title: 'broken',
    description: '',
    principles: ['sse-default'],
    root: 'a',
    nodes: {
      a: { kind: 'question', prompt: 'a?', grounding: { principle: 'sse-default', quote: 'x' }, answers: [{ label: 'to b', next: 'b' }, { label: 'gone', next: 'missing' }] },
      b: { kind: 'question', prompt: 'b?', grounding: { principle: 'sse-default', quote: 'x' }, answers: [{ label: 'back', next: 'a' }] },
      orphan: { kind: 'leaf', title: 't', recommendation: 'r', notes: [], principle: 'sse-default', grounding: { principle: 'sse-default', quote: 'x' } },
    },
  } as unknown as DecisionTree;

  it('flag a cycle, a dangling edge and an unreachable leaf', () => {
    expect(cycles(broken)).toEqual(['cycle: a → b → a']);
    expect(danglingEdges(broken)).toEqual(['a → "missing" does not exist']);
    expect(reachable(broken).has('orphan')).toBe(false);
  });
});
