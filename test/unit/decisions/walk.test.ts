import { describe, expect, it } from 'vitest';
import { getDecisionTree, resolveWalk, treesForPrinciple, walkSteps } from '../../../src/core/decisions';

const tree = getDecisionTree('server-push-transport');
if (!tree) throw new Error('server-push-transport tree missing');

describe('resolveWalk', () => {
  it('keeps a valid path to a leaf', () => {
    expect(resolveWalk(tree, ['shared', 'direction', 'stack', 'proxy', 'sseNginx'])).toEqual([
      'shared',
      'direction',
      'stack',
      'proxy',
      'sseNginx',
    ]);
  });

  it('cuts a path at the first step that is not an answer of the previous node', () => {
    expect(resolveWalk(tree, ['shared', 'direction', 'sseNginx', 'proxy'])).toEqual(['shared', 'direction']);
  });

  it('falls back to the root for an empty, foreign or hostile path', () => {
    expect(resolveWalk(tree, [])).toEqual(['shared']);
    expect(resolveWalk(tree, ['level1', 'noCqrs'])).toEqual(['shared']);
    expect(resolveWalk(tree, ['shared', '__proto__'])).toEqual(['shared']);
    expect(resolveWalk(tree, ['shared', 'toString'])).toEqual(['shared']);
  });

  it('does not go past a leaf', () => {
    expect(resolveWalk(tree, ['shared', 'noPush', 'direction'])).toEqual(['shared', 'noPush']);
  });
});

describe('walkSteps', () => {
  it('records the answer chosen at each question', () => {
    const steps = walkSteps(tree, ['shared', 'direction', 'instances']);
    expect(steps.map((s) => s.chosen)).toEqual([
      'Yes — the server has news the client must see',
      'Both ways, continuously',
      undefined,
    ]);
    expect(steps[2]?.node.kind).toBe('question');
  });
});

describe('treesForPrinciple', () => {
  it('lists the trees that draw on a principle', () => {
    expect(treesForPrinciple('outbox-pattern').map((t) => t.id)).toEqual(['broker-choice', 'cqrs-level', 'publish-after-write']);
    expect(treesForPrinciple('websocket-pubsub-scaling').map((t) => t.id)).toEqual(['server-push-transport']);
  });
});
