// Text in Mermaid flowchart source. Topic names, event names and file paths come from the analysed code,
// which may be hostile: a label must never close its quotes, start an edge, open a comment or a directive
// (`%%{init}%%`), inject HTML into the rendered SVG, or break the line, and a bidi override must not
// reverse what the diagram shows. Hidden characters are first written out visibly (`⟨U+202E⟩`); then
// everything outside a small readable set becomes a Mermaid entity code (`#<decimal>;`), which Mermaid
// turns into an HTML character reference when it renders — text, not markup.
import { capWords, visibleText } from './visible';

/** Labels are short: a diagram node wider than this stops being readable. */
export const MERMAID_LABEL_CAP = 60;
/** A `%%` comment line (e.g. a finding under a diagram). */
export const MERMAID_COMMENT_CAP = 240;

/** Characters that stay literal inside a quoted label; letters and digits of any script stay readable. */
const SAFE_CHAR = /^[\p{L}\p{N}\p{M} ._/:@*,+=?!$~'()-]$/u;

/**
 * Mermaid's renderer rewrites lines that look like `style …:…#…;` or `classDef …:…#…;` before it parses
 * them (to protect colour codes), dropping the last `;` of the line. A label holding those words next to
 * an entity code would lose a `;` and show a stray `#35` — so the words themselves are broken up.
 */
const DIRECTIVE_WORDS = /style|classDef/g;

/** Entity-encodes everything but readable characters; line breaks become spaces. No cap, no visible step. */
export function escapeMermaidLabel(text: string): string {
  let out = '';
  for (const ch of text.replace(/\r\n?|\n/g, ' ')) {
    const code = ch.codePointAt(0) ?? 0;
    out += SAFE_CHAR.test(ch) ? ch : `#${code};`;
  }
  // `s` of `style` / `c` of `classDef` as an entity code: same text once rendered, no directive match.
  return out.replace(DIRECTIVE_WORDS, (word) => `#${word.codePointAt(0) ?? 0};${word.slice(1)}`);
}

/** A name as the text of a quoted node label: hidden characters visible, cut in the middle at `cap`. */
export function mermaidLabel(text: string, cap: number = MERMAID_LABEL_CAP): string {
  return escapeMermaidLabel(visibleText(text, { cap, cut: 'middle' }));
}

/**
 * Text for a `%%` comment line: Mermaid strips comments before parsing, but reads `%%{…}%%` anywhere as a
 * directive (theme, security level), so `%%{` is broken up; one line, hidden characters visible, each long
 * word and the whole line capped.
 */
export function mermaidComment(text: string, cap: number = MERMAID_COMMENT_CAP): string {
  return visibleText(capWords(text), { cap, flatten: true }).replace(/%%\{/g, '%% {').replace(/\}%%/g, '} %%');
}
