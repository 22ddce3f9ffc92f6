// Bounds of one channel-value resolution. Each file's values are cut to size when extracted
// (extract/valueBudget.ts), but a value can reference other files' values, each of them within budget:
// across a chain of files (or of wrappers filling each other's parameters) the expansion can still
// multiply. A resolution therefore takes at most VALUE_STEP_BUDGET steps (running out makes the rest
// unknown and marks the resolver; the engine then skips the file with the reason `budget`), and no channel
// text grows past MAX_VALUE_CHARS.
import { MAX_VALUE_CHARS } from '../extract/valueBudget';

/** Detections one file may yield (a large real file has a few hundred); past it the file is skipped. */
export const MAX_DETECTIONS_PER_FILE = 10_000;

/** Steps one resolution may take: far above real code (a few dozen), far below a hang. */
export const VALUE_STEP_BUDGET = 50_000;

const MARKER = '\uE000';

/** Channel text cut to its known prefix plus a wildcard when longer than the budget (a parameter marker
 *  is never cut in half: an unpaired marker would never be filled in). */
export function capText(v: string, pattern: boolean): { v: string; pattern: boolean } {
  if (v.length <= MAX_VALUE_CHARS) return { v, pattern };
  let head = v.slice(0, MAX_VALUE_CHARS);
  let markers = 0;
  for (let i = head.indexOf(MARKER); i >= 0; i = head.indexOf(MARKER, i + 1)) markers++;
  if (markers % 2 === 1) head = head.slice(0, head.lastIndexOf(MARKER));
  return { v: `${head}*`, pattern: true };
}
