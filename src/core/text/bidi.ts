// Right-to-left names beside our own text. A Hebrew or Arabic channel name followed by "1 → 0" pulls the
// digits and the arrow into its right-to-left run, so the reader sees "0 → 1". Bidi *controls* in a name
// are already written out visibly (visible.ts); this module keeps the name's own, legitimate direction
// from spilling onto what surrounds it. Outputs with markup isolate with `dir="auto"` (`<bdi>`); plain-text
// outputs that VS Code lays out with the Unicode bidi algorithm (tree labels, hovers) use FSI…PDI.
import { NAME_CAP, visibleText } from './visible';

/** FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE: the text between takes its own direction, alone. */
export const FSI = '\u2068';
export const PDI = '\u2069';

/** Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, …, their presentation forms). */
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

export function hasRightToLeft(text: string): boolean {
  return RIGHT_TO_LEFT.test(text);
}

/** A name ready to show: hidden characters visible, cut in the middle at `cap`, and the whole name for a tooltip. */
export interface DisplayName {
  /** What the label shows. */
  text: string;
  /** The whole name, hidden characters visible, for a tooltip or `title` when `text` was cut. */
  full: string;
  cut: boolean;
  rightToLeft: boolean;
}

export function displayName(name: string, cap: number = NAME_CAP): DisplayName {
  const full = visibleText(name);
  const text = visibleText(name, { cap, cut: 'middle' });
  return { text, full, cut: text !== full, rightToLeft: hasRightToLeft(text) };
}

/**
 * Visible, capped, and isolated: the form of a name inside a line of plain text that the editor lays out
 * bidirectionally. The isolates are ours, added after every hidden character of the name was made visible,
 * so they always come as one balanced pair around the name.
 */
export function isolatedName(name: string, cap: number = NAME_CAP): string {
  const { text, rightToLeft } = displayName(name, cap);
  return rightToLeft ? `${FSI}${text}${PDI}` : text;
}
