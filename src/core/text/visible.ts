// The base of every escaping module: names from analysed code are data, and some of their characters
// change what the reader sees without being seen themselves. Bidi overrides reverse text ("exe.png" for
// "gnp.exe"), zero-width characters make two names look equal, line separators and C0/C1 controls (ESC,
// BEL) break lines or drive a terminal. Each such character is shown as a visible `⟨U+202E⟩` instead, and
// long text is capped with an ellipsis, so one name can never take over a tooltip, a line or a diagram.

/**
 * Invisible or layout-changing characters: controls (Cc: C0, DEL, C1), format characters (Cf: bidi
 * embeddings/overrides/isolates, LRM/RLM/ALM, zero-width space/joiners, word joiner, BOM, soft hyphen, tag
 * characters), line and paragraph separators, lone surrogates, and the Hangul fillers that render blank.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u115F\u1160\u3164\uFFA0]/u;
/** The same class over a whole string, so text with nothing hidden is passed through after one native scan. */
const HIDDEN_ANYWHERE = new RegExp(HIDDEN.source, 'u');
/** Whitespace that ends or indents a line; flattened to one space where a snippet may span lines. */
const LINE_BREAKING = /^[\t\n\v\f\r\u0085\u2028\u2029]$/u;

/** The longest name shown in a label, tooltip, line of text or message before it is cut. */
export const NAME_CAP = 120;
export const ELLIPSIS = '…';

export interface VisibleOptions {
  /** Longest result in code points (the ellipsis included); unlimited when omitted. */
  cap?: number;
  /** Tabs and line breaks become one space (code snippets) instead of being shown as `⟨U+000A⟩`. */
  flatten?: boolean;
  /** Where a capped text is cut: at the end (default) or in the middle (paths keep their file name). */
  cut?: 'end' | 'middle';
}

/** `⟨U+202E⟩`: the code point written out, so the reader sees that something was there. */
export function visibleCodePoint(codePoint: number): string {
  return `⟨U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}⟩`;
}

export function isHidden(ch: string): boolean {
  return HIDDEN.test(ch);
}

/** One display token per code point: the character itself, a space (flattened) or its visible form. */
function token(ch: string, flatten: boolean, lastWasSpace: boolean): string {
  if (!HIDDEN.test(ch)) return ch;
  if (flatten && LINE_BREAKING.test(ch)) return lastWasSpace ? '' : ' ';
  return visibleCodePoint(ch.codePointAt(0) ?? 0);
}

/** Display tokens from the start, stopping once `budget` code points are collected (or the text ends). */
function headTokens(text: string, flatten: boolean, budget: number): { tokens: string[]; size: number; complete: boolean } {
  const tokens: string[] = [];
  let size = 0;
  let lastWasSpace = false;
  for (const ch of text) {
    const t = token(ch, flatten, lastWasSpace);
    if (t === '') continue;
    const n = t.length === 1 ? 1 : Array.from(t).length;
    if (size + n > budget) return { tokens, size, complete: false };
    tokens.push(t);
    size += n;
    lastWasSpace = t === ' ';
  }
  return { tokens, size, complete: true };
}

/** A suffix of at least `units` UTF-16 units that does not start inside a surrogate pair. */
function tail(text: string, units: number): string {
  let start = Math.max(0, text.length - units);
  const first = text.charCodeAt(start);
  if (start > 0 && first >= 0xdc00 && first <= 0xdfff) start -= 1;
  return text.slice(start);
}

/**
 * The text as it can safely be shown: hidden characters written out visibly and the result at most `cap`
 * code points long. Work is bounded by the cap, not by the input: a 400 MB name costs as much as a short one.
 */
export function visibleText(text: string, options: VisibleOptions = {}): string {
  // Data that broke its contract (a missing name) is shown as what it is rather than failing the output.
  if (typeof text !== 'string') text = String(text ?? '');
  const flatten = options.flatten ?? false;
  const cap = options.cap === undefined ? Number.POSITIVE_INFINITY : Math.max(1, Math.floor(options.cap));
  // UTF-16 length bounds the code point count from above: short text without hidden characters is done.
  if (text.length <= cap && !HIDDEN_ANYWHERE.test(text)) return text;
  const head = headTokens(text, flatten, cap);
  if (head.complete) return head.tokens.join('');
  if (options.cut !== 'middle') {
    return trimToFit(head.tokens, cap - 1).join('') + ELLIPSIS;
  }
  // Middle cut: about half from the start, the rest from the end (a path keeps its file name).
  const keep = cap - 1;
  const headSize = Math.ceil(keep / 2);
  const front = trimToFit(head.tokens, headSize);
  const back = headTokens(tail(text, (keep - headSize) * 2 + 2), flatten, Number.POSITIVE_INFINITY).tokens;
  const end: string[] = [];
  let size = 0;
  for (let i = back.length - 1; i >= 0; i--) {
    const t = back[i] ?? '';
    const n = Array.from(t).length;
    if (size + n > keep - headSize) break;
    end.unshift(t);
    size += n;
  }
  return `${front.join('')}${ELLIPSIS}${end.join('')}`;
}

/** The leading tokens whose total length stays within `budget` code points. */
function trimToFit(tokens: readonly string[], budget: number): string[] {
  const out: string[] = [];
  let size = 0;
  for (const t of tokens) {
    const n = t.length === 1 ? 1 : Array.from(t).length;
    if (size + n > budget) break;
    out.push(t);
    size += n;
  }
  return out;
}

const longWords = new Map<number, RegExp>();
/** Matches a run of more than `cap` non-space UTF-16 units (at least as many as code points). */
function longWord(cap: number): RegExp {
  let re = longWords.get(cap);
  if (!re) {
    re = new RegExp(`\\S{${cap + 1}}`, 'u');
    longWords.set(cap, re);
  }
  return re;
}

/**
 * Every run of non-space characters longer than `cap` shortened in the middle: a message built around a
 * name (a finding, an error) keeps its sentence while the name inside it stays within the cap.
 */
export function capWords(text: string, cap: number = NAME_CAP): string {
  if (typeof text !== 'string') text = String(text ?? '');
  if (text.length <= cap || !longWord(cap).test(text)) return text;
  return text.replace(/\S+/gu, (word) => (word.length > cap ? visibleText(word, { cap, cut: 'middle' }) : word));
}
