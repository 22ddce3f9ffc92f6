// One template yields both the final file text and a VS Code snippet body, so the two can never drift:
// a template is a function of `slot(name)`, and rendering decides what a slot becomes.
import type { ScaffoldFile } from './types';

export type Slot = (name: string) => string;
export type Template = (slot: Slot) => string;

// Private-use characters never appear in our templates or in validated parameter values, so they
// delimit slots safely.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const SLOT_RE = /\uE000([A-Za-z][A-Za-z0-9]*)\uE001/g;

const markSlot: Slot = (name) => `${OPEN}${name}${CLOSE}`;

/** VS Code snippet syntax treats `$`, `}` and `\` specially; everything else is literal. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, (ch) => `\\${ch}`);
}

function valueOf(values: Readonly<Record<string, string>>, name: string): string {
  const value = values[name];
  if (value === undefined) {
    // A template naming a slot the scaffold never declared is a programming error, not bad user input.
    throw new Error(`Template uses undeclared parameter "${name}"`);
  }
  return value;
}

/** Final text: every slot replaced by its (already validated) value. */
export function renderContent(template: Template, values: Readonly<Record<string, string>>): string {
  return template(markSlot).replace(SLOT_RE, (_m, name: string) => valueOf(values, name));
}

/**
 * Snippet body: literal text escaped; each parameter becomes a tab stop numbered by first appearance.
 * Every occurrence repeats `${n:default}`: placeholders sharing a number are linked, so VS Code mirrors the
 * edit into every place the name is used (and the body still reads correctly to simpler expanders).
 */
export function renderSnippet(template: Template, values: Readonly<Record<string, string>>): string {
  const raw = template(markSlot);
  const stops = new Map<string, number>();
  let out = '';
  let last = 0;
  for (const match of raw.matchAll(SLOT_RE)) {
    const name = match[1] ?? '';
    out += escapeSnippetText(raw.slice(last, match.index));
    let n = stops.get(name);
    if (n === undefined) {
      n = stops.size + 1;
      stops.set(name, n);
    }
    out += `\${${n}:${escapeSnippetText(valueOf(values, name))}}`;
    last = match.index + match[0].length;
  }
  return out + escapeSnippetText(raw.slice(last));
}

export function renderFile(
  path: string,
  language: ScaffoldFile['language'],
  template: Template,
  values: Readonly<Record<string, string>>,
): ScaffoldFile {
  return { path, language, content: renderContent(template, values), snippet: renderSnippet(template, values) };
}
