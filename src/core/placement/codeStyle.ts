// The style of a file we insert into: indentation unit, quote character, semicolons and line ending,
// so inserted code reads like the code around it; and import merging at the top of a module.
export interface CodeStyle {
  indent: string;
  quote: "'" | '"';
  semicolons: boolean;
  eol: '\n' | '\r\n';
}

export function styleOf(text: string): CodeStyle {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const widths = new Map<string, number>();
  let previous = 0;
  for (const line of lines) {
    const m = /^([ \t]*)\S/.exec(line);
    if (!m) continue;
    const lead = m[1] ?? '';
    if (lead.startsWith('\t')) widths.set('\t', (widths.get('\t') ?? 0) + 1);
    else if (lead.length > previous) {
      const step = ' '.repeat(lead.length - previous);
      if (step.length <= 8) widths.set(step, (widths.get(step) ?? 0) + 1);
    }
    previous = lead.startsWith('\t') ? 0 : lead.length;
  }
  const indent = [...widths.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '  ';
  const single = (text.match(/'[^'\n]*'/g) ?? []).length;
  const double = (text.match(/"[^"\n]*"/g) ?? []).length;
  const statements = lines.filter((l) => /^\s*(const|let|await|return|import|export const)\b/.test(l) && !/[{(,[]\s*$/.test(l));
  const withSemi = statements.filter((l) => /;\s*(\/\/.*)?$/.test(l)).length;
  return { indent, quote: double > single ? '"' : "'", semicolons: statements.length === 0 || withSemi * 2 >= statements.length, eol };
}

/**
 * Generated code is written with two-space indents, single quotes and semicolons; this converts it to
 * `style`. Only quotes of plain string literals without the other quote inside are swapped.
 */
export function restyle(code: string, style: CodeStyle): string {
  let out = code;
  if (style.indent !== '  ') out = out.replace(/^((?: {2})+)/gm, (lead: string) => style.indent.repeat(lead.length / 2));
  if (style.quote === '"') out = out.replace(/'([^'"\\\n`]*)'/g, '"$1"');
  if (!style.semicolons) out = out.replace(/;(\s*(?:\/\/[^\n]*)?)$/gm, '$1');
  if (style.eol === '\r\n') out = out.replace(/\r?\n/g, '\r\n');
  return out;
}

/** Indents every non-empty line of `block` by `prefix`. */
export function indentBlock(block: string, prefix: string): string {
  return block.replace(/^(?=[^\r\n])/gm, prefix);
}

/**
 * Adds `import { names } from 'spec'` lines to `text`: names already imported from that module are
 * skipped, a named import of the same module gets the missing names, else a new line goes after the
 * last import. Returns the new text.
 */
export function mergeImports(text: string, imports: ReadonlyArray<{ spec: string; names: string[]; typeOnly?: boolean }>, style: CodeStyle): string {
  let out = text;
  for (const imp of imports) {
    const q = style.quote;
    const specRe = escapeRe(imp.spec);
    const existing = new RegExp(`import\\s+(type\\s+)?\\{([^}]*)\\}\\s*from\\s*['"]${specRe}['"]`).exec(out);
    if (existing && !!existing[1] === !!imp.typeOnly) {
      const have = (existing[2] ?? '').split(',').map((s) => s.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]).filter(Boolean);
      const missing = imp.names.filter((n) => !have.includes(n));
      if (missing.length === 0) continue;
      const inner = (existing[2] ?? '').trim().replace(/,\s*$/, '');
      const replaced = existing[0].replace(/\{[^}]*\}/, `{ ${inner}${inner ? ', ' : ''}${missing.join(', ')} }`);
      out = out.slice(0, existing.index) + replaced + out.slice(existing.index + existing[0].length);
      continue;
    }
    const line = `import ${imp.typeOnly ? 'type ' : ''}{ ${imp.names.join(', ')} } from ${q}${imp.spec}${q}${style.semicolons ? ';' : ''}`;
    const at = endOfImports(out);
    out = at === 0 ? `${line}${style.eol}${out}` : `${out.slice(0, at)}${style.eol}${line}${out.slice(at)}`;
  }
  return out;
}

/** Offset just after the last top-level import declaration (0 when there is none). */
export function endOfImports(text: string): number {
  let end = 0;
  const re = /^import\s[\s\S]*?from\s*['"][^'"]+['"];?|^import\s*['"][^'"]+['"];?/gm;
  for (const m of text.matchAll(re)) end = m.index + m[0].length;
  return end;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
