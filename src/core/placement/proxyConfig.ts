// Proxy snippets go inside the block that serves the app: an NGINX `location` inside the `server { }`
// block, a Caddy matcher + handle inside the site block; re-indented to the block's own indentation.
import { indentBlock } from './codeStyle';

/** Offsets of `{` and its matching `}` for the first top-level block whose header matches. */
function blockOf(text: string, header: RegExp): { open: number; close: number; indent: string } | undefined {
  for (const m of text.matchAll(header)) {
    const open = text.indexOf('{', m.index + m[0].length - 1);
    if (open < 0) continue;
    let depth = 0;
    for (let i = open; i < text.length; i++) {
      const c = text[i];
      if (c === '#') {
        const nl = text.indexOf('\n', i);
        i = nl < 0 ? text.length : nl;
        continue;
      }
      if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        const lineStart = text.lastIndexOf('\n', m.index) + 1;
        const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
        return { open, close: i, indent };
      }
    }
  }
  return undefined;
}

/** Indentation of the first directive inside the block (default: block indent + 4 spaces / a tab). */
function innerIndent(text: string, open: number, close: number, outer: string, fallback: string): string {
  const inside = text.slice(open + 1, close);
  const m = /\n([ \t]+)\S/.exec(inside);
  return m?.[1] ?? outer + fallback;
}

/** The NGINX config with `block` inside its first `server { }`; undefined when it has none. */
export function insertIntoNginxServer(conf: string, block: string, route: string): string | undefined {
  const server = blockOf(conf, /(^|\n)[ \t]*server\s*\{/g);
  if (!server) return undefined;
  const existing = new RegExp(`location\\s+(=\\s*)?${route.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\{`).exec(conf.slice(server.open, server.close));
  if (existing) {
    // The route is proxied already: add the directives it lacks rather than a second location.
    const directives = block.split('\n').map((l) => l.trim()).filter((l) => /^[a-z_]+\s/.test(l) && l.endsWith(';') && !l.startsWith('proxy_pass') && !l.startsWith('location'));
    return addNginxDirectives(conf, server.open + existing.index, directives.map((d) => d.slice(0, -1)));
  }
  const indent = innerIndent(conf, server.open, server.close, server.indent, '    ');
  const body = indentBlock(block.trimEnd().replace(/^ {4}/gm, indent.includes('\t') ? '\t' : '    '), indent);
  const before = conf.slice(0, server.close).replace(/[ \t]*$/, '');
  return `${before}${before.endsWith('\n\n') ? '' : '\n'}${body}\n${server.indent}${conf.slice(server.close)}`;
}

/** The Caddyfile with `block` inside its first site block (not the global options block). */
export function insertIntoCaddySite(conf: string, block: string): string | undefined {
  const site = blockOf(conf, /(^|\n)[ \t]*[^\s{#][^\n{]*\{/g);
  if (!site) return undefined;
  if (conf.slice(site.open, site.close).includes(block.split('\n').find((l) => l.startsWith('@sse')) ?? '\u0000')) return conf;
  const indent = innerIndent(conf, site.open, site.close, site.indent, '\t');
  const before = conf.slice(0, site.close).replace(/[ \t]*$/, '');
  return `${before}${before.endsWith('\n\n') ? '' : '\n'}${indentBlock(block.trimEnd(), indent)}\n${site.indent}${conf.slice(site.close)}`;
}

/** Directives missing from the `location` block at `offset` (or the block enclosing it), inserted before its `}`. */
export function addNginxDirectives(conf: string, offset: number, directives: readonly string[]): string | undefined {
  const lineStart = conf.lastIndexOf('\n', offset) + 1;
  // The first location at or after the flagged line's start is the one the rule points at.
  const target = findLocationAt(conf, lineStart);
  if (!target) return undefined;
  const inside = conf.slice(target.open + 1, target.close);
  // A directive counts as present by its name (by name and header for proxy_set_header).
  const keyOf = (d: string): string => d.split(/\s+/).slice(0, d.startsWith('proxy_set_header') ? 2 : 1).join('\\s+');
  const missing = directives.filter((d) => !new RegExp(`(^|[\\s;{])${keyOf(d)}\\s`, 'i').test(inside));
  if (missing.length === 0) return conf;
  const indent = innerIndent(conf, target.open, target.close, target.indent, '    ');
  const before = conf.slice(0, target.close).replace(/[ \t]*$/, '');
  return `${before}${missing.map((d) => `${indent}${d};`).join('\n')}\n${target.indent}${conf.slice(target.close)}`;
}

function findLocationAt(conf: string, lineStart: number): { open: number; close: number; indent: string } | undefined {
  const re = /(^|\n)[ \t]*location\b[^{\n]*\{/g;
  re.lastIndex = Math.max(0, lineStart - 1);
  const m = re.exec(conf);
  if (!m) return undefined;
  const sub = blockOf(conf.slice(m.index), /^(\n)?[ \t]*location\b[^{\n]*\{/g);
  return sub ? { open: sub.open + m.index, close: sub.close + m.index, indent: sub.indent } : undefined;
}
