// Channel text of resolved values, and the parameter markers that stand for a wrapper's parameters inside
// a channel until a caller's argument replaces them.
import type { RValue } from './resolve';
import { capText } from './valueSteps';
import { MAX_VALUE_CHARS } from '../extract/valueBudget';

/** Stands for a wrapper's parameter inside a channel until a caller's argument replaces it. */
export function paramMarker(i: number): string {
  return `\uE000P${i}\uE000`;
}

/** Replaces a template's parameter markers with the caller's arguments (unknown → `*`). Stops once the
 *  text passes the value budget: wrappers of wrappers can hold hundreds of markers, each filled with a
 *  budget-long argument, and the cut text is all that is kept. */
export function fillParams(template: string, args: (RValue | null)[]): { channel: string; pattern: boolean } {
  let pattern = false;
  let out = '';
  let last = 0;
  FILL_MARKER.lastIndex = 0;
  for (let m = FILL_MARKER.exec(template); m; m = FILL_MARKER.exec(template)) {
    out += template.slice(last, m.index);
    const c = channelOf(args[Number(m[1])] ?? null);
    if (c.channel === null) {
      pattern = true;
      out += '*';
    } else {
      pattern ||= c.pattern;
      out += c.channel;
    }
    last = m.index + m[0].length;
    if (out.length > MAX_VALUE_CHARS) break;
  }
  if (out.length <= MAX_VALUE_CHARS) out += template.slice(last);
  const capped = capText(out, pattern);
  return { channel: capped.v, pattern: capped.pattern };
}

/** The markers fillParams walks (its own regex: the exported one's `lastIndex` is shared by callers). */
const FILL_MARKER = /\uE000P(\d+)\uE000/g;

/** Private-use character delimiting parameter markers (never in real channel names). */
export const MARKER_CHAR = '\uE000';

export const PARAM_MARKER = /\uE000P(\d+)\uE000/g;

/** Channel text of a resolved value; templates and wildcards are patterns. */
export function channelOf(v: RValue | null | undefined): { channel: string | null; pattern: boolean } {
  if (!v) return { channel: null, pattern: false };
  if (v.k === 'str') {
    if (v.v === '*' || v.v === '') return { channel: null, pattern: false };
    return { channel: v.v, pattern: v.pattern };
  }
  if (v.k === 'regex') return { channel: v.source, pattern: true };
  if (v.k === 'arr') return channelOf(v.items[0]);
  return { channel: null, pattern: false };
}

/** Every channel of a value (arrays of topics). */
export function channelsOf(v: RValue | null | undefined): { channel: string; pattern: boolean }[] {
  if (!v) return [];
  if (v.k === 'arr') return v.items.flatMap((i) => channelsOf(i));
  const c = channelOf(v);
  return c.channel ? [{ channel: c.channel, pattern: c.pattern }] : [];
}
