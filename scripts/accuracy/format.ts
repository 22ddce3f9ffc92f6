// Text rendering of accuracy results for people; `run.ts --json` is the machine form.
import type { CaseScore, KindStats } from './score';

function pct(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`;
}

const HEADERS = ['kind', 'expected', 'reported', 'TP', 'FP', 'FN', 'precision', 'recall', 'channel'];

function row(label: string, s: Omit<KindStats, 'kind'>): string[] {
  return [
    label,
    String(s.expected),
    String(s.reported),
    String(s.truePositives),
    String(s.falsePositives),
    String(s.falseNegatives),
    pct(s.precision),
    pct(s.recall),
    pct(s.channelAccuracy),
  ];
}

/** A fixed-width table: one row per kind, then a separator and the total. */
export function formatKindTable(stats: readonly KindStats[], total: Omit<KindStats, 'kind'>): string {
  const rows = [HEADERS, ...stats.map((s) => row(s.kind, s)), row('TOTAL', total)];
  const widths = HEADERS.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length)));
  const render = (r: string[]) =>
    r.map((cell, col) => (col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0))).join('  ');
  const separator = widths.map((w) => '-'.repeat(w)).join('  ');
  const lines = [render(HEADERS), separator, ...rows.slice(1, -1).map(render), separator];
  const last = rows[rows.length - 1];
  if (last) lines.push(render(last));
  return lines.join('\n');
}

function channelText(channel: string | null): string {
  return channel === null ? 'null' : JSON.stringify(channel);
}

/** Every miss of one case, `case/file:line kind channel`, for `--verbose`. */
export function formatMisses(score: CaseScore): string[] {
  const lines: string[] = [];
  for (const d of score.falseNegatives) {
    lines.push(`  FN ${score.caseId}/${d.file}:${d.line} ${d.kind} ${channelText(d.channel)}`);
  }
  for (const d of score.falsePositives) {
    lines.push(`  FP ${score.caseId}/${d.file}:${d.line} ${d.kind} ${channelText(d.channel)}`);
  }
  for (const tp of score.truePositives) {
    if (tp.channelMatches) continue;
    lines.push(
      `  CH ${score.caseId}/${tp.expected.file}:${tp.expected.line} ${tp.expected.kind} expected ` +
        `${channelText(tp.expected.channel)}, got ${channelText(tp.reported.channel)}`,
    );
  }
  return lines;
}
