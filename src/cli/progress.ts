// A one-line progress bar on stderr, redrawn at most every 100 ms (a terminal repaint per file would cost
// more than parsing small files). Only used when stderr is a terminal and --quiet is off.

export interface ProgressStream {
  write(chunk: string): unknown;
  columns?: number;
}

export class ProgressBar {
  private lastDraw = Number.NEGATIVE_INFINITY;
  private drawn = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly now: () => number = () => Date.now(),
  ) {}

  update(done: number, total: number): void {
    const t = this.now();
    if (done < total && t - this.lastDraw < 100) return;
    this.lastDraw = t;
    const width = Math.max(10, Math.min(40, (this.stream.columns ?? 80) - 40));
    const ratio = total > 0 ? Math.min(1, done / total) : 0;
    const filled = Math.round(ratio * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    const pct = `${Math.floor(ratio * 100)}`.padStart(3);
    this.stream.write(`\r\u001b[2K${bar} ${pct}% ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} files`);
    this.drawn = true;
  }

  /** Clears the bar so the report (or an error) starts on a clean line. */
  clear(): void {
    if (this.drawn) this.stream.write('\r\u001b[2K');
    this.drawn = false;
  }
}
