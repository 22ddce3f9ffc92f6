import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChangeBatcher } from '../../../src/host/index/changeBatcher';
import type { FileChange } from '../../../src/host/index/changeBatcher';

function manualBatcher(stormThreshold = 100) {
  const flushed: { changes: FileChange[]; storm: boolean }[] = [];
  let pendingTimer: (() => void) | undefined;
  const batcher = new ChangeBatcher({
    delayMs: 200,
    maxWaitMs: 1000,
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

  describe('maximum wait', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    function timedBatcher() {
      vi.useFakeTimers();
      const flushedAt: { at: number; paths: string[] }[] = [];
      const start = Date.now();
      const batcher = new ChangeBatcher({
        delayMs: 250,
        maxWaitMs: 1000,
        stormThreshold: 100,
        flush: (changes) => flushedAt.push({ at: Date.now() - start, paths: changes.map((c) => c.path) }),
      });
      return { batcher, flushedAt };
    }

    it('flushes within the maximum wait while events keep coming closer than the quiet period', () => {
      const { batcher, flushedAt } = timedBatcher();
      // Someone typing: an edit every 200 ms for 5 s, each one restarting the 250 ms quiet period.
      for (let t = 0; t < 5000; t += 200) {
        batcher.push({ type: 'update', path: '/a.ts', text: String(t) });
        vi.advanceTimersByTime(200);
      }
      expect(flushedAt.length).toBeGreaterThanOrEqual(4);
      expect(flushedAt[0]?.at).toBeLessThanOrEqual(1000);
      for (let i = 1; i < flushedAt.length; i++) expect((flushedAt[i]?.at ?? 0) - (flushedAt[i - 1]?.at ?? 0)).toBeLessThanOrEqual(1000);
      batcher.dispose();
    });

    it('still waits for the quiet period after an isolated event, and the wait restarts after a flush', () => {
      const { batcher, flushedAt } = timedBatcher();
      batcher.push({ type: 'update', path: '/a.ts' });
      vi.advanceTimersByTime(249);
      expect(flushedAt).toHaveLength(0);
      vi.advanceTimersByTime(1);
      expect(flushedAt).toEqual([{ at: 250, paths: ['/a.ts'] }]);
      // A later burst gets its own full quiet period, not the rest of an old maximum wait.
      vi.advanceTimersByTime(5000);
      batcher.push({ type: 'update', path: '/b.ts' });
      vi.advanceTimersByTime(100);
      batcher.push({ type: 'update', path: '/c.ts' });
      vi.advanceTimersByTime(249);
      expect(flushedAt).toHaveLength(1);
      vi.advanceTimersByTime(1);
      expect(flushedAt[1]).toEqual({ at: 5600, paths: ['/b.ts', '/c.ts'] });
    });
  });
});
