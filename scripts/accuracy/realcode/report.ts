// Text rendering of the real-code grade: a table per kind with the targets, then what each repository
// missed and reported wrongly (for development).
import type { ScoredDetection } from '../score';
import type { RealLabel } from './corpus';
import type { KindCounts, RepoGrade } from './grade';

function ratio(n: number, d: number): string {
  return d === 0 ? '—' : (n / d).toFixed(3);
}

const HEADERS = ['kind', 'labels', 'found', 'recall', 'detections', 'FP', 'precision', 'channel', 'traps hit'];

function row(label: string, c: KindCounts): string[] {
  return [
    label,
    String(c.strictLabels),
    String(c.strictFound),
    ratio(c.strictFound, c.strictLabels),
    String(c.detections),
    String(c.detections - c.matchedDetections),
    ratio(c.matchedDetections, c.detections),
    ratio(c.channelRight, c.channelLabels),
    `${c.trapsHit}/${c.traps}`,
  ];
}

export function formatTable(byKind: ReadonlyMap<string, KindCounts>, total: KindCounts): string {
  const rows = [HEADERS, ...[...byKind].map(([kind, c]) => row(kind, c)), row('TOTAL', total)];
  const widths = HEADERS.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length)));
  const render = (r: string[]) => r.map((cell, col) => (col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0))).join('  ');
  const separator = widths.map((w) => '-'.repeat(w)).join('  ');
  const body = rows.slice(1, -1).map(render);
  return [render(HEADERS), separator, ...body, separator, render(rows[rows.length - 1] ?? [])].join('\n');
}

export function formatTargets(total: KindCounts, dualWrite: KindCounts | undefined): string {
  const check = (ok: boolean) => (ok ? 'ok ' : 'BELOW');
  const p = total.detections === 0 ? 0 : total.matchedDetections / total.detections;
  const r = total.strictLabels === 0 ? 0 : total.strictFound / total.strictLabels;
  const ch = total.channelLabels === 0 ? 1 : total.channelRight / total.channelLabels;
  const dw = !dualWrite || dualWrite.strictLabels === 0 ? null : dualWrite.strictFound / dualWrite.strictLabels;
  return [
    `precision ${p.toFixed(3)} (target ≥ 0.97) ${check(p >= 0.97)}`,
    `recall    ${r.toFixed(3)} (target ≥ 0.92) ${check(r >= 0.92)}`,
    `channel   ${ch.toFixed(3)} (target ≥ 0.95) ${check(ch >= 0.95)}`,
    `traps hit ${total.trapsHit} (target ≤ 4) ${check(total.trapsHit <= 4)}${total.optionalTrapsHit > 0 ? `, plus ${total.optionalTrapsHit} optional` : ''}`,
    `dual_write recall ${dw === null ? '—' : dw.toFixed(3)} (target ≥ 0.80) ${check(dw !== null && dw >= 0.8)}`,
  ].join('\n');
}

const ch = (c: string | null) => (c === null ? 'null' : JSON.stringify(c));
const labelText = (l: RealLabel) => `${l.file}:${l.line} ${l.kind} ${ch(l.channel)}${l.note ? `  — ${l.note}` : ''}`;
const detText = (d: ScoredDetection) => `${d.file}:${d.line} ${d.kind} ${ch(d.channel)}`;

export function formatRepoLists(grade: RepoGrade): string[] {
  const lines: string[] = [];
  for (const l of grade.misses) lines.push(`  FN ${labelText(l)}`);
  for (const d of grade.falsePositives) lines.push(`  FP ${detText(d)}`);
  for (const w of grade.wrongChannels) lines.push(`  CH ${labelText(w.label)}  got ${ch(w.found.channel)}`);
  for (const t of grade.trapsHit) lines.push(`  TRAP ${labelText(t.trap)}  hit by line ${t.by.line}`);
  return lines.length === 0 ? [] : [`${grade.repo}:`, ...lines];
}
