// Collects file events and hands them over in one batch after a quiet period, so a branch switch that
// touches thousands of files becomes one update instead of thousands. Pure (no vscode): tested in
// test/unit/host/changeBatcher.test.ts.

export type FileChange = { type: 'update'; path: string; text?: string } | { type: 'delete'; path: string };

export interface ChangeBatcherOptions {
  delayMs: number;
  /** Past this many pending paths the batch is flushed as a storm (the caller may rebuild cold). */
  stormThreshold: number;
  flush(changes: FileChange[], storm: boolean): void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export class ChangeBatcher {
  private readonly pending = new Map<string, FileChange>();
  private timer: unknown;
  private storm = false;

  constructor(private readonly options: ChangeBatcherOptions) {}

  push(change: FileChange): void {
    // The last event for a path wins: create+change+delete within one window is just a delete.
    this.pending.delete(change.path);
    this.pending.set(change.path, change);
    if (this.pending.size > this.options.stormThreshold) this.storm = true;
    this.schedule();
  }

  get size(): number {
    return this.pending.size;
  }

  flushNow(): void {
    this.cancelTimer();
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
  }

  private schedule(): void {
    this.cancelTimer();
    const set = this.options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.timer = set(() => this.flushNow(), this.options.delayMs);
  }

  private cancelTimer(): void {
    if (this.timer === undefined) return;
    const clear = this.options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    clear(this.timer);
    this.timer = undefined;
  }
}
