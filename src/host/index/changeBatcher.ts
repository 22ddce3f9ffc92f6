// Collects file events and hands them over in one batch after a quiet period, so a branch switch that
// touches thousands of files becomes one update instead of thousands. The quiet period restarts with
// each event, but never past `maxWaitMs` after the first pending one: someone typing steadily (events
// closer than the quiet period) still sees the flows follow. Pure (no vscode): tested in
// test/unit/host/changeBatcher.test.ts.

export type FileChange = { type: 'update'; path: string; text?: string } | { type: 'delete'; path: string };

export interface ChangeBatcherOptions {
  /** Quiet period after the last event. */
  delayMs: number;
  /** Longest time a pending change waits, however often events keep coming. */
  maxWaitMs: number;
  /** Past this many pending paths the batch is flushed as a storm (the caller may rebuild cold). */
  stormThreshold: number;
  flush(changes: FileChange[], storm: boolean): void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  now?: () => number;
}

export class ChangeBatcher {
  private readonly pending = new Map<string, FileChange>();
  private timer: unknown;
  private storm = false;
  /** When the oldest pending change arrived (undefined: nothing pending). */
  private firstPendingAt: number | undefined;

  constructor(private readonly options: ChangeBatcherOptions) {}

  push(change: FileChange): void {
    // The last event for a path wins: create+change+delete within one window is just a delete.
    this.pending.delete(change.path);
    this.pending.set(change.path, change);
    this.firstPendingAt ??= this.now();
    if (this.pending.size > this.options.stormThreshold) this.storm = true;
    this.schedule();
  }

  get size(): number {
    return this.pending.size;
  }

  flushNow(): void {
    this.cancelTimer();
    this.firstPendingAt = undefined;
    if (this.pending.size === 0) return;
    const changes = [...this.pending.values()];
    const storm = this.storm;
    this.pending.clear();
    this.storm = false;
    this.options.flush(changes, storm);
  }

  dispose(): void {
    this.cancelTimer();
    this.pending.clear();
    this.firstPendingAt = undefined;
  }

  private schedule(): void {
    this.cancelTimer();
    const set = this.options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    const waited = this.now() - (this.firstPendingAt ?? this.now());
    const delay = Math.max(0, Math.min(this.options.delayMs, this.options.maxWaitMs - waited));
    this.timer = set(() => this.flushNow(), delay);
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private cancelTimer(): void {
    if (this.timer === undefined) return;
    const clear = this.options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    clear(this.timer);
    this.timer = undefined;
  }
}
