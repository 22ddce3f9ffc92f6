// Every scaffold a decision leaf offers must exist in the scaffold library, with the variant it names, so
// "Insert scaffold" never reaches the host with an id it cannot serve.
import { describe, expect, it } from 'vitest';
import { DECISION_SCAFFOLD_IDS, DECISION_TREES } from '../../../src/core/decisions';
import { getScaffold } from '../../../src/core/scaffolds/registry';

describe('decision leaves → scaffold library', () => {
  it.each([...DECISION_SCAFFOLD_IDS])('the library provides %s', (id) => {
    expect(getScaffold(id)?.id).toBe(id);
  });

  it('names only variants the scaffold has, and only on leaves that offer a scaffold', () => {
    for (const tree of DECISION_TREES) {
      for (const [key, node] of Object.entries(tree.nodes)) {
        if (node.kind !== 'leaf' || node.variantId === undefined) continue;
        expect(node.scaffoldId, `${tree.id}/${key}`).toBeDefined();
        const variants = getScaffold(node.scaffoldId ?? '')?.variants.map((v) => v.id) ?? [];
        expect(variants, `${tree.id}/${key}`).toContain(node.variantId);
      }
    }
  });

  it('offers scaffolds that implement one of the principles the tree draws on', () => {
    for (const tree of DECISION_TREES) {
      for (const [key, node] of Object.entries(tree.nodes)) {
        if (node.kind !== 'leaf' || node.scaffoldId === undefined) continue;
        expect(tree.principles, `${tree.id}/${key} offers ${node.scaffoldId}`).toContain(getScaffold(node.scaffoldId)?.principle);
      }
    }
  });
});
