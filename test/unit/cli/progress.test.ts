import { describe, expect, it } from 'vitest';
import { ProgressBar } from '../../../src/cli/progress';

class Terminal {
  chunks: string[] = [];
  columns = 80;
  write(chunk: string): boolean {
    this.chunks.push(chunk);
    return true;
  }
}

describe('ProgressBar', () => {
  it('draws on one line and throttles redraws to every 100 ms', () => {
    const term = new Terminal();
    let now = 1_000;
    const bar = new ProgressBar(term, () => now);
    bar.update(1, 200);
    now += 20;
    bar.update(2, 200);
    now += 100;
    bar.update(100, 200);
    expect(term.chunks).toHaveLength(2);
    const frame = term.chunks[1] ?? '';
    expect(frame.startsWith('\r\u001b[2K')).toBe(true);
    expect(frame.slice(5)).toMatch(/^█+░+ {2}50% 100\/200 files$/);
  });

  it('always draws the final state and clears itself', () => {
    const term = new Terminal();
    const bar = new ProgressBar(term, () => 0);
    bar.update(1, 2);
    bar.update(2, 2);
    expect(term.chunks[1]).toContain('100% 2/2 files');
    bar.clear();
    expect(term.chunks[2]).toBe('\r\u001b[2K');
  });

  it('does not clear what it never drew', () => {
    const term = new Terminal();
    new ProgressBar(term).clear();
    expect(term.chunks).toEqual([]);
  });
});
