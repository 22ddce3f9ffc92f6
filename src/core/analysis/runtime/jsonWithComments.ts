// tsconfig.json is JSON with comments and trailing commas. Reading it must not load the TypeScript compiler
// (a warm run from the persistent cache parses nothing else): plain JSON first, then the text with its
// comments and trailing commas blanked out (strings kept intact), and only what still fails goes to
// TypeScript's own lenient reader (see moduleAliases.ts).

/** The value of a JSON-with-comments text, or undefined when it is not one. */
export function parseJsonWithComments(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // not plain JSON
  }
  try {
    return JSON.parse(stripCommentsAndTrailingCommas(text)) as unknown;
  } catch {
    return undefined;
  }
}

/** Blanks comments and trailing commas outside strings (positions kept, for nothing else depends on them). */
export function stripCommentsAndTrailingCommas(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '"') {
      const start = i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      out += text.slice(start, ++i);
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else {
      out += c;
      i++;
    }
  }
  // A comma followed (after whitespace) by a closing bracket; strings are intact here, so a `,]` inside one
  // could be hit: such a tsconfig is left to TypeScript's reader when the result does not parse the same.
  return out.replace(/,(\s*[\]}])/g, '$1');
}
