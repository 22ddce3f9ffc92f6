// Vue and Svelte single-file components: only their `<script>` blocks hold code. The parser gets a view of
// the file where everything outside those blocks is blanked to spaces (newlines kept), so every position
// the extractor reports is the position in the original file, and template text that merely looks like a
// call (`{{ socket.emit('x') }}`, `<p>producer.send(…)</p>`) can never become a construct.
import path from 'node:path';

export const SFC_EXTENSIONS: readonly string[] = ['.vue', '.svelte'];

export function isSfcFile(file: string): boolean {
  return SFC_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

export interface SfcScriptView {
  /** Same length and line/column layout as the input; only `<script>` block contents survive. */
  text: string;
  /** A block declared `lang="tsx"`/`"jsx"`: the view is parsed as TSX. */
  tsx: boolean;
}

const SCRIPT_OPEN = /<script(?=[\s>/])/gi;
const SCRIPT_CLOSE = /<\/script\s*>/gi;
const HTML_COMMENT_END = '-->';
const LANG_ATTR = /\blang\s*=\s*["']?([\w-]+)/i;

/** Index just past the `>` that ends an opening tag starting at `from`, honouring quoted attribute values;
 *  -1 when the tag never closes. */
function openTagEnd(text: string, from: number): number {
  let quote = '';
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return -1;
}

/** Copies `text[from, to)` into `out` as blanks, keeping line breaks so later lines keep their numbers. */
function blank(out: string[], text: string, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const c = text[i] as string;
    out.push(c === '\n' || c === '\r' ? c : ' ');
  }
}

export function sfcScriptView(text: string): SfcScriptView {
  const out: string[] = [];
  let tsx = false;
  let pos = 0;
  while (pos < text.length) {
    SCRIPT_OPEN.lastIndex = pos;
    const open = SCRIPT_OPEN.exec(text);
    const comment = text.indexOf('<!--', pos);
    if (!open) break;
    // A `<script>` inside an HTML comment is commented out, not a block.
    if (comment >= 0 && comment < open.index) {
      const end = text.indexOf(HTML_COMMENT_END, comment + 4);
      const next = end < 0 ? text.length : end + HTML_COMMENT_END.length;
      blank(out, text, pos, next);
      pos = next;
      continue;
    }
    const bodyStart = openTagEnd(text, open.index + 7);
    if (bodyStart < 0) break;
    const tag = text.slice(open.index, bodyStart);
    const lang = LANG_ATTR.exec(tag)?.[1]?.toLowerCase();
    blank(out, text, pos, bodyStart);
    // `<script src="…" />` has no body.
    if (tag.endsWith('/>')) {
      pos = bodyStart;
      continue;
    }
    SCRIPT_CLOSE.lastIndex = bodyStart;
    const close = SCRIPT_CLOSE.exec(text);
    const bodyEnd = close ? close.index : text.length;
    if (lang === 'tsx' || lang === 'jsx') tsx = true;
    out.push(text.slice(bodyStart, bodyEnd));
    pos = bodyEnd;
  }
  blank(out, text, pos, text.length);
  return { text: out.join(''), tsx };
}

/** The text the parser and the prefilter see for `file`: the script view for a component, else the text. */
export function codeView(file: string, text: string): string {
  return isSfcFile(file) ? sfcScriptView(text).text : text;
}
