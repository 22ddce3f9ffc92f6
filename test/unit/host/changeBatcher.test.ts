import { describe, expect, it } from 'vitest';
import { ChangeBatcher } from '../../../src/host/index/changeBatcher';
import type { FileChange } from '../../../src/host/index/changeBatcher';

function manualBatcher(stormThreshold = 100) {
  const flushed: { changes: FileChange[]; storm: boolean }[] = [];
  let pendingTimer: (() => void) | undefined;
  const batcher = new ChangeBatcher({
    delayMs: 200,
    stormThreshold,
    flush: (changes, storm) => flushed.push({ changes, storm }),
    setTimer: (fn) => {
      pendingTimer = fn;
      return fn;
    },
    clearTimer: () => {
      pendingTimer = undefined;
    },
  });
  return { batcher, flushed, fire: () => pendingTimer?.() };
}

describe('ChangeBatcher', () => {
  it('flushes once after the quiet period, the last event per path winning', () => {
    const { batcher, flushed, fire } = manualBatcher();
    batcher.push({ type: 'update', path: '/a.ts' });
    batcher.push({ type: 'update', path: '/b.ts', text: 'x' });
    batcher.push({ type: 'delete', path: '/a.ts' });
    expect(flushed).toHaveLength(0);
    fire();
    expect(flushed).toEqual([{ changes: [{ type: 'update', path: '/b.ts', text: 'x' }, { type: 'delete', path: '/a.ts' }], storm: false }]);
    fire();
    expect(flushed).toHaveLength(1);
  });

  it('marks a storm past the threshold and resets after the flush', () => {
    const { batcher, flushed, fire } = manualBatcher(3);
    for (let i = 0; i < 5; i++) batcher.push({ type: 'update', path: `/f${i}.ts` });
    fire();
    expect(flushed[0]?.storm).toBe(true);
    expect(flushed[0]?.changes).toHaveLength(5);
    batcher.push({ type: 'update', path: '/g.ts' });
    fire();
    expect(flushed[1]?.storm).toBe(false);
  });

  it('drops pending changes on dispose', () => {
    const { batcher, flushed, fire } = manualBatcher();
    batcher.push({ type: 'update', path: '/a.ts' });
    batcher.dispose();
    fire();
    batcher.flushNow();
    expect(flushed).toHaveLength(0);
  });
});
