// Structural questions about one source file, answered on the masked text (see mask.ts): where lines
// start, which brackets pair up, which function body encloses an offset, what an object property's value
// is. Unbalanced input (a file mid-edit) yields "not found", never an exception.
import { maskCode } from './mask';

const CONTROL_KEYWORDS = new Set(['if', 'for', 'while', 'switch', 'catch', 'with', 'return', 'typeof', 'await', 'yield']);

export interface FunctionSpan {
  /** Offset where the function's header starts (its name, `function`, `async` or parameter list). */
  headerStart: number;
  /** Offset of the body's `{`. */
  bodyStart: number;
  /** Offset just after the body's `}`. */
  bodyEnd: number;
}

export class SourceView {
  readonly masked: string;
  private readonly starts: number[] = [0];
  private pairs: Map<number, number> | undefined;

  constructor(readonly text: string) {
    this.masked = maskCode(text);
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.starts.push(i + 1);
  }

  /** 1-based line and column to an offset (clamped into the file). */
  offsetAt(line: number, column: number): number {
    const start = this.starts[Math.min(Math.max(line, 1), this.starts.length) - 1] ?? 0;
    return Math.min(start + Math.max(column, 1) - 1, this.text.length);
  }

  /** 1-based line and column of an offset. */
  positionAt(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
  }

  /** Offset of the end of the line holding `offset` (before the newline). */
  lineEnd(offset: number): number {
    const nl = this.text.indexOf('\n', offset);
    const end = nl === -1 ? this.text.length : nl;
    return this.text[end - 1] === '\r' ? end - 1 : end;
  }

  /** The bracket matching the one at `offset` (either direction), if balanced. */
  match(offset: number): number | undefined {
    this.pairs ??= pairBrackets(this.masked);
    return this.pairs.get(offset);
  }

  /** Innermost function body (`{…}`) that contains `offset`; concise arrow bodies are not spans. */
  enclosingFunction(offset: number): FunctionSpan | undefined {
    for (let i = offset; i >= 0; i--) {
      if (this.masked[i] !== '{') continue;
      const close = this.match(i);
      if (close === undefined || close < offset) continue;
      const headerStart = this.functionHeader(i);
      if (headerStart !== undefined) return { headerStart, bodyStart: i, bodyEnd: close + 1 };
    }
    return undefined;
  }

  /** Every function body in [from, to) — used to look for heartbeats written by nested callbacks. */
  isFunctionBody(braceOffset: number): boolean {
    return this.functionHeader(braceOffset) !== undefined;
  }

  /**
   * The value text of property `name` in the object literal spanning [from, to): `key: value` up to the
   * next top-level comma, or a method shorthand `key(...) {…}`. Nested objects are searched too.
   */
  propertyValue(name: string, from: number, to: number): { start: number; end: number } | undefined {
    const re = new RegExp(`(?<![\\w$.])${name}\\s*(:|\\()`, 'g');
    re.lastIndex = from;
    for (let m = re.exec(this.masked); m && m.index < to; m = re.exec(this.masked)) {
      const start = m.index + m[0].length;
      if (m[1] === '(') {
        const close = this.match(start - 1);
        const brace = close === undefined ? -1 : this.masked.indexOf('{', close);
        const end = brace === -1 ? undefined : this.match(brace);
        if (end !== undefined) return { start: brace, end: end + 1 };
        continue;
      }
      return { start, end: this.valueEnd(start, to) };
    }
    return undefined;
  }

  private valueEnd(from: number, limit: number): number {
    for (let i = from; i < limit; i++) {
      const c = this.masked[i];
      if (c === '(' || c === '[' || c === '{') {
        const close = this.match(i);
        if (close === undefined) return limit;
        i = close;
      } else if (c === ',' || c === ')' || c === ']' || c === '}') return i;
    }
    return limit;
  }

  private functionHeader(brace: number): number | undefined {
    let j = brace - 1;
    while (j >= 0 && /\s/.test(this.masked[j] ?? '')) j--;
    if (j >= 1 && this.masked[j] === '>' && this.masked[j - 1] === '=') return this.arrowHeader(j - 1);
    // `name(params) {`, `function (params) {` or `(params): ReturnType {` — never `if (…) {`.
    const windowStart = Math.max(0, j - 200);
    const typed = /\)\s*(?::\s*[\w$.<>[\],\s|&?]*)?$/.exec(this.masked.slice(windowStart, j + 1));
    if (!typed) return undefined;
    const open = this.match(windowStart + typed.index);
    if (open === undefined) return undefined;
    const leadStart = Math.max(0, open - 200);
    const head = /([\w$]+)\s*(?:<[^()]*>)?\s*$/.exec(this.masked.slice(leadStart, open));
    if (!head?.[1] || CONTROL_KEYWORDS.has(head[1])) return undefined;
    return leadStart + head.index;
  }

  private arrowHeader(arrowAt: number): number {
    let j = arrowAt - 1;
    while (j >= 0 && /\s/.test(this.masked[j] ?? '')) j--;
    if (this.masked[j] === ')') return this.match(j) ?? j;
    while (j > 0 && /[\w$]/.test(this.masked[j - 1] ?? '')) j--;
    return Math.max(j, 0);
  }
}

function pairBrackets(masked: string): Map<number, number> {
  const pairs = new Map<number, number>();
  const stack: number[] = [];
  const closer: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  for (let i = 0; i < masked.length; i++) {
    const c = masked[i] ?? '';
    if (c === '(' || c === '[' || c === '{') stack.push(i);
    else if (c in closer) {
      const open = stack[stack.length - 1];
      if (open === undefined || masked[open] !== closer[c]) continue; // unbalanced: leave unmatched
      stack.pop();
      pairs.set(open, i);
      pairs.set(i, open);
    }
  }
  return pairs;
}
