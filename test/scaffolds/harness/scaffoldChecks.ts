// Checks every scaffold must pass whatever it generates: parameters are validated (hostile values are
// rejected with a clear message, never spliced into SQL or code), and snippets keep their tab stops.
import type { Scaffold, ScaffoldOutput } from '../../../src/core/scaffolds/types';

/** Values no identifier-like parameter may accept: injection, quoting, paths, whitespace, empties. */
export const HOSTILE_VALUES: readonly string[] = [
  '',
  'x; DROP TABLE users; --',
  "a'b",
  'a"b',
  'a`b',
  '../../etc/passwd',
  'name with spaces',
  'line\nbreak',
  '${1:evil}',
  '<script>',
  'x'.repeat(300),
];

/** Every parameter, given each hostile value (others at their defaults), must make generate() throw. */
export function hostileParameterFailures(scaffold: Scaffold): string[] {
  const failures: string[] = [];
  const defaults = defaultParams(scaffold);
  for (const variant of scaffold.variants) {
    for (const parameter of scaffold.parameters) {
      for (const value of HOSTILE_VALUES) {
        try {
          scaffold.generate(variant.id, { ...defaults, [parameter.name]: value });
          failures.push(`${scaffold.id}/${variant.id}: parameter ${parameter.name} accepted ${JSON.stringify(value.slice(0, 40))}`);
        } catch (error) {
          if (!(error instanceof Error) || !error.message.includes(parameter.name)) {
            failures.push(`${scaffold.id}/${variant.id}: rejection of ${parameter.name} does not name the parameter: ${String(error)}`);
          }
        }
      }
    }
  }
  return failures;
}

export function defaultParams(scaffold: Scaffold): Record<string, string> {
  return Object.fromEntries(scaffold.parameters.map((p) => [p.name, p.default]));
}

/** generate() with defaults overridden by `params`. */
export function generateWith(scaffold: Scaffold, variantId: string, params: Record<string, string> = {}): ScaffoldOutput {
  return scaffold.generate(variantId, { ...defaultParams(scaffold), ...params });
}

/**
 * A snippet must expand back to the file content when each tab stop takes its default: this checks the
 * `${n:default}` placeholders and the `\$`/`\}` escapes against the real content.
 */
export function expandSnippet(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const ch = snippet[i];
    if (ch === '\\' && i + 1 < snippet.length && '$}\\'.includes(snippet[i + 1] ?? '')) {
      out += snippet[i + 1];
      i++;
    } else if (ch === '$' && snippet[i + 1] === '{') {
      const close = snippet.indexOf('}', i);
      const body = snippet.slice(i + 2, close);
      const colon = body.indexOf(':');
      out += colon === -1 ? '' : body.slice(colon + 1);
      i = close;
    } else if (ch === '$' && /[0-9]/.test(snippet[i + 1] ?? '')) {
      i++;
      while (/[0-9]/.test(snippet[i + 1] ?? '')) i++;
    } else {
      out += ch;
    }
  }
  return out;
}
