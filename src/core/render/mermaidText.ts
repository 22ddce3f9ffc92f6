// Escaping for Mermaid flowchart source. Topic names, event names and file paths come from the analysed code,
// which may be hostile: a label must never close its quotes, start an edge, open a comment, inject HTML into
// the rendered SVG, or break the line. Everything outside a small readable set becomes a Mermaid entity code
// (`#<decimal>;`), which Mermaid turns into an HTML character reference when it renders — text, not markup.

/** Characters that stay literal inside a quoted label; letters and digits of any script stay readable. */
const SAFE_CHAR = /^[\p{L}\p{N}\p{M} ._/:@*,+=?!$~'()-]$/u;

/**
 * Mermaid's renderer rewrites lines that look like `style …:…#…;` or `classDef …:…#…;` before it parses
 * them (to protect colour codes), dropping the last `;` of the line. A label holding those words next to
 * an entity code would lose a `;` and show a stray `#35` — so the words themselves are broken up.
 */
const DIRECTIVE_WORDS = /style|classDef/g;

export function escapeMermaidLabel(text: string): string {
  let out = '';
  for (const ch of text.replace(/\r\n?|\n/g, ' ')) {
    const code = ch.codePointAt(0) ?? 0;
    out += SAFE_CHAR.test(ch) ? ch : `#${code};`;
  }
  // `s` of `style` / `c` of `classDef` as an entity code: same text once rendered, no directive match.
  return out.replace(DIRECTIVE_WORDS, (word) => `#${word.codePointAt(0) ?? 0};${word.slice(1)}`);
}

/** Shortens long labels in the middle, where paths and topics are least distinctive. */
export function truncateMiddle(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const keep = max - 1;
  const head = Math.ceil(keep / 2);
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - (keep - head)).join('')}`;
}

/** FNV-1a over UTF-16 units: a small deterministic hash, so ids stay stable between runs and machines. */
export function stableHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0');
}

/**
 * A node id that Mermaid accepts whatever the key: a fixed prefix (so never a keyword such as `end`, and
 * never a leading `o`/`x` that would turn `-->` into a circle or cross edge), a readable ASCII slug, and a
 * hash of the full key so two keys with the same slug stay distinct.
 */
export function mermaidId(prefix: 'svc' | 'ch' | 'ep' | 'more', key: string): string {
  const slug = key
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 24)
    // the same directive words as in labels: an id is on the label's line, so it must not hold them either
    .replace(/style/g, 'styl_e')
    .replace(/classDef/g, 'class_Def');
  return `${prefix}_${slug ? `${slug}_` : ''}${stableHash(key)}`;
}
