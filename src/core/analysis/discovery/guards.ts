// Content guards applied after reading a file: binary (NUL bytes), invalid UTF-8, minified bundles.
import { isUtf8 } from 'node:buffer';
import type { SkipReason } from '../types';

export interface GuardVerdict {
  reason: SkipReason;
  detail: string;
}

const MAX_LINE = 5000;
const MAX_MEAN_LINE = 250;

export function checkBuffer(buf: Buffer): GuardVerdict | null {
  const nul = buf.indexOf(0);
  if (nul >= 0) return { reason: 'binary', detail: `NUL byte at offset ${nul}` };
  if (!isUtf8(buf)) return { reason: 'invalid-encoding', detail: 'not valid UTF-8' };
  return null;
}

/** Counts lines and rejects minified bundles (a line over 5,000 chars or a mean line over 250). */
export function checkText(text: string, isCode: boolean): { lines: number; verdict: GuardVerdict | null } {
  let lines = 1;
  let longest = 0;
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    if (end - start > longest) longest = end - start;
    if (nl < 0) break;
    lines++;
    start = nl + 1;
  }
  if (!isCode) return { lines, verdict: null };
  if (longest > MAX_LINE) return { lines, verdict: { reason: 'minified', detail: `a line of ${longest} characters (> ${MAX_LINE})` } };
  const mean = text.length / lines;
  if (text.length > 2000 && mean > MAX_MEAN_LINE) return { lines, verdict: { reason: 'minified', detail: `mean line length ${Math.round(mean)} (> ${MAX_MEAN_LINE})` } };
  return { lines, verdict: null };
}
