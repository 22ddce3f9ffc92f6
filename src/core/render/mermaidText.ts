// Node ids for Mermaid flowchart source. Label text is escaped by the Mermaid module of src/core/text;
// ids never carry user text beyond an ASCII slug, so they need no escaping at all.

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
    .slice(0, 200)
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 24)
    // the same directive words as in labels: an id is on the label's line, so it must not hold them either
    .replace(/style/g, 'styl_e')
    .replace(/classDef/g, 'class_Def');
  return `${prefix}_${slug ? `${slug}_` : ''}${stableHash(key)}`;
}
