// The index's timeline as one log line: what the user waited for between showing a view and seeing the
// tree, by phase, so a slow open can be explained from the log alone.
import type { InitTimings } from '../../core/analysis/runtime/incremental';

const ms = (n: number): string => `${Math.round(n)} ms`;

export function formatTimeline(startedAt: number, onlineAt: number | null, t: InitTimings | null): string {
  const parts: string[] = [];
  if (onlineAt !== null) parts.push(`worker thread up ${ms(onlineAt - startedAt)}`);
  if (t?.boot) parts.push(`bundle compiled ${ms(t.boot.compileMs)} (code cache ${t.boot.state})`);
  if (!t) return parts.join(', ');
  parts.push(`walk ${ms(t.walkMs)} (${t.files} files)`);
  parts.push(`scan ${ms(t.scanMs)}`);
  parts.push(`index cache ${t.cache}${t.cacheLoadMs > 0 ? ` (loaded in ${ms(t.cacheLoadMs)})` : ''}`);
  parts.push(`link ${ms(t.linkMs)} (of which parse ${ms(t.parseMs)} for ${t.parsed} files, TypeScript init ${ms(t.typescriptMs)})`);
  parts.push(`analysis ${ms(t.totalMs)}`);
  return parts.join(', ');
}
