// In-code suppression of findings, the way ESLint users expect it:
//   // event-architect-disable-next-line dual-write        the next line only
//   // event-architect-disable-line dual-write             this line
//   /* event-architect-disable dual-write, ws-one-way-push */   the whole file (anywhere in it)
// With no rule id the comment covers every rule. `-- why` after the ids is a reason, ignored here. `#`
// comments work too, for nginx, Caddy and YAML files. The CLI and the editor both apply them.
import type { Finding } from './types';

export const DISABLE_FILE = 'event-architect-disable';
export const DISABLE_NEXT_LINE = 'event-architect-disable-next-line';
export const DISABLE_LINE = 'event-architect-disable-line';

/** Rule ids a directive names, or `all`. */
type Scope = ReadonlySet<string> | 'all';

export interface Suppressions {
  file: Scope | undefined;
  /** 1-based line → the rules suppressed on it. */
  lines: Map<number, Scope>;
}

const DIRECTIVE = /(?:\/\/|\/\*|#)\s*(event-architect-disable(?:-next-line|-line)?)(?![\w-])([^\n]*)/g;

export function parseSuppressions(text: string): Suppressions {
  const result: Suppressions = { file: undefined, lines: new Map() };
  if (!text.includes('event-architect-disable')) return result;
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    const line = lineOf(text, m.index);
    const scope = scopeOf(m[2] ?? '');
    if (m[1] === DISABLE_FILE) result.file = merge(result.file, scope);
    else {
      const target = m[1] === DISABLE_NEXT_LINE ? line + 1 : line;
      result.lines.set(target, merge(result.lines.get(target), scope));
    }
  }
  return result;
}

export function isSuppressed(finding: Pick<Finding, 'ruleId' | 'line'>, suppressions: Suppressions): boolean {
  return covers(suppressions.file, finding.ruleId) || covers(suppressions.lines.get(finding.line), finding.ruleId);
}

/** Drops the findings their files suppress; `textOf` reads a finding's file (undefined: keep it). */
export function applySuppressions(findings: Finding[], textOf: (finding: Finding) => string | undefined): Finding[] {
  const parsed = new Map<string, Suppressions | null>();
  return findings.filter((f) => {
    const key = `${f.root ?? ''}\u0000${f.file}`;
    let s = parsed.get(key);
    if (s === undefined) {
      const text = textOf(f);
      s = text === undefined ? null : parseSuppressions(text);
      parsed.set(key, s);
    }
    return !s || !isSuppressed(f, s);
  });
}

/** `dual-write, ws-one-way-push -- reason` (and a block comment's end) → the two ids; nothing → all rules. */
function scopeOf(rest: string): Scope {
  const ids = rest.replace(/\*\/.*$/, '').split(/\s--\s|\s--$/)[0] ?? '';
  const names = ids.split(/[\s,]+/).filter((s) => /^[a-z0-9][\w-]*$/i.test(s));
  return names.length === 0 ? 'all' : new Set(names);
}

function merge(a: Scope | undefined, b: Scope): Scope {
  if (a === undefined) return b;
  if (a === 'all' || b === 'all') return 'all';
  return new Set([...a, ...b]);
}

function covers(scope: Scope | undefined, ruleId: string): boolean {
  return scope === 'all' || (scope !== undefined && scope.has(ruleId));
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
