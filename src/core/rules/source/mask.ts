// A light JS/TS lexer pass: blanks out comments, string contents, template text and regex literals,
// keeping every offset. Rules then match braces and identifiers on the masked text without being fooled
// by `'keep-alive'` in a header or `}` inside a string. The TypeScript parser would be exact but would put
// ~9 MB into the extension host bundle, which only needs these few structural questions answered.

const REGEX_PRECEDERS = new Set(['(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^']);
const REGEX_KEYWORDS = /(?:^|[^\w$])(?:return|typeof|case|do|else|in|of|new|delete|void|throw|yield|await)$/;

/** Same length as `text`; comments and literal contents become spaces (newlines are kept). */
export function maskCode(text: string): string {
  const out = text.split('');
  const blank = (from: number, to: number) => {
    for (let k = from; k < to && k < out.length; k++) if (out[k] !== '\n' && out[k] !== '\r') out[k] = ' ';
  };
  // Stack of open template literals: each entry is the brace depth at which its `${` was opened.
  const templates: number[] = [];
  let depth = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? n : end;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? n : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === '"' || c === "'") {
      const stop = skipQuoted(text, i, c);
      blank(i + 1, stop - 1);
      i = stop;
    } else if (c === '`' || (c === '}' && templates.length > 0 && templates[templates.length - 1] === depth)) {
      if (c === '}') templates.pop();
      const { stop, opensExpression } = skipTemplateText(text, i + 1);
      blank(i + 1, opensExpression ? stop - 2 : stop - 1);
      if (opensExpression) templates.push(depth);
      i = stop;
    } else if (c === '/' && startsRegex(text, i)) {
      const stop = skipRegex(text, i);
      blank(i + 1, stop - 1);
      i = stop;
    } else {
      if (c === '{') depth++;
      else if (c === '}') depth--;
      i++;
    }
  }
  return out.join('');
}

function skipQuoted(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === quote || c === '\n') return i + 1;
    else i++;
  }
  return text.length;
}

/** From just after a backtick or a closing `}` of `${…}`: returns the offset after the closing backtick or `${`. */
function skipTemplateText(text: string, from: number): { stop: number; opensExpression: boolean } {
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === '`') return { stop: i + 1, opensExpression: false };
    else if (c === '$' && text[i + 1] === '{') return { stop: i + 2, opensExpression: true };
    else i++;
  }
  return { stop: text.length, opensExpression: false };
}

function startsRegex(text: string, at: number): boolean {
  let j = at - 1;
  while (j >= 0 && /\s/.test(text[j] ?? '')) j--;
  if (j < 0) return true;
  const prev = text[j] ?? '';
  if (REGEX_PRECEDERS.has(prev)) return true;
  return REGEX_KEYWORDS.test(text.slice(Math.max(0, j - 10), j + 1));
}

function skipRegex(text: string, start: number): number {
  let i = start + 1;
  let inClass = false;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === '\n') return i; // not a regex after all: stop at the line end
    else if (c === '[' || c === ']') {
      inClass = c === '[';
      i++;
    } else if (c === '/' && !inClass) {
      i++;
      while (i < text.length && /[a-z]/i.test(text[i] ?? '')) i++;
      return i;
    } else i++;
  }
  return text.length;
}
