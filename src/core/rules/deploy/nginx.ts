// Just enough of nginx's config language to answer "which location serves this path, and is proxy
// buffering off there": blocks, directives, comments, quotes; location selection as nginx does it
// (exact `=`, longest prefix, `^~`, then regexes in order).

export interface NginxDirective {
  name: string;
  args: string[];
  line: number;
  column: number;
  block?: NginxDirective[];
}

interface Token {
  text: string;
  line: number;
  column: number;
  quoted: boolean;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (c === '\n') {
      line++;
      lineStart = ++i;
    } else if (/\s/.test(c)) i++;
    else if (c === '#') while (i < text.length && text[i] !== '\n') i++;
    else if (c === '{' || c === '}' || c === ';') {
      tokens.push({ text: c, line, column: i - lineStart + 1, quoted: false });
      i++;
    } else if (c === '"' || c === "'") {
      const start = i++;
      let value = '';
      while (i < text.length && text[i] !== c) {
        if (text[i] === '\\') i++;
        if (text[i] === '\n') {
          line++;
          lineStart = i + 1;
        }
        value += text[i] ?? '';
        i++;
      }
      i++;
      tokens.push({ text: value, line, column: start - lineStart + 1, quoted: true });
    } else {
      const start = i;
      while (i < text.length && !/[\s{};#]/.test(text[i] ?? '')) i++;
      tokens.push({ text: text.slice(start, i), line, column: start - lineStart + 1, quoted: false });
    }
  }
  return tokens;
}

/** Parses a config into nested directives; an unbalanced file yields what was parsed so far. */
export function parseNginx(text: string): NginxDirective[] {
  const tokens = tokenize(text);
  let pos = 0;
  const parseBlock = (): NginxDirective[] => {
    const out: NginxDirective[] = [];
    while (pos < tokens.length) {
      const head = tokens[pos];
      if (!head) break;
      if (head.text === '}' && !head.quoted) {
        pos++;
        return out;
      }
      const directive: NginxDirective = { name: head.text, args: [], line: head.line, column: head.column };
      pos++;
      while (pos < tokens.length) {
        const t = tokens[pos];
        if (!t) break;
        pos++;
        if (!t.quoted && t.text === ';') break;
        if (!t.quoted && t.text === '{') {
          directive.block = parseBlock();
          break;
        }
        if (!t.quoted && t.text === '}') {
          pos--; // a missing `;` before `}`: end the directive, let the block close
          break;
        }
        directive.args.push(t.text);
      }
      out.push(directive);
    }
    return out;
  };
  return parseBlock();
}

export interface LocationMatch {
  location: NginxDirective;
  /** Directives in effect, innermost scope first (location, enclosing locations, server, http, main). */
  scopes: NginxDirective[][];
}

/** Every `server` block with the scopes above it (main, http). */
export function servers(config: NginxDirective[]): { server: NginxDirective; scopes: NginxDirective[][] }[] {
  const out: { server: NginxDirective; scopes: NginxDirective[][] }[] = [];
  const walk = (list: NginxDirective[], scopes: NginxDirective[][]) => {
    for (const d of list) {
      if (d.name === 'server' && d.block) out.push({ server: d, scopes: [list, ...scopes] });
      else if (d.block && d.name !== 'location' && d.name !== 'upstream') walk(d.block, [list, ...scopes]);
    }
  };
  walk(config, []);
  return out;
}

/** The location of `server` that nginx would pick for `path`, with its effective scopes. */
export function selectLocation(server: NginxDirective, outer: NginxDirective[][], path: string): LocationMatch | undefined {
  const pick = (list: NginxDirective[], scopes: NginxDirective[][]): LocationMatch | undefined => {
    const locations = list.filter((d) => d.name === 'location' && d.block);
    const parsed = locations.map((d) => ({ d, mod: d.args.length > 1 ? d.args[0] : '', uri: d.args[d.args.length - 1] ?? '' }));
    const exact = parsed.find((l) => l.mod === '=' && l.uri === path);
    let chosen = exact?.d;
    if (!chosen) {
      const prefixes = parsed.filter((l) => (l.mod === '' || l.mod === '^~') && path.startsWith(l.uri)).sort((a, b) => b.uri.length - a.uri.length);
      const longest = prefixes[0];
      const regex = longest?.mod === '^~' ? undefined : parsed.find((l) => (l.mod === '~' || l.mod === '~*') && safeTest(l.uri, l.mod === '~*', path));
      chosen = regex?.d ?? longest?.d;
    }
    if (!chosen?.block) return undefined;
    const scopesHere = [list, ...scopes];
    // Nested locations refine the choice the same way.
    return pick(chosen.block, scopesHere) ?? { location: chosen, scopes: [chosen.block, ...scopesHere] };
  };
  return server.block ? pick(server.block, outer) : undefined;
}

/** The value of a directive in the innermost scope that sets it (nginx inheritance). */
export function effective(scopes: NginxDirective[][], name: string): NginxDirective | undefined {
  for (const scope of scopes) {
    const found = scope.find((d) => d.name === name);
    if (found) return found;
  }
  return undefined;
}

function safeTest(source: string, insensitive: boolean, path: string): boolean {
  try {
    return new RegExp(source, insensitive ? 'i' : '').test(path);
  } catch {
    return false; // PCRE-only syntax: treated as not matching rather than guessed
  }
}
