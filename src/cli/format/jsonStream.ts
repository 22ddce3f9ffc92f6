// JSON written piece by piece: a report with a million detections is hundreds of megabytes, more than one
// JavaScript string may hold, so no output ever exists as one document string. The document is a small
// skeleton of ordinary values, indented as `JSON.stringify(document, null, 2)` would, whose big arrays are
// `StreamedArray`s: each of their items is stringified on its own as it is reached and written compactly on
// one line (a million results stay greppable and diffable line by line, at a third of the indented size).

/** An array whose items are produced lazily and serialised one at a time. Iterated once. */
export class StreamedArray {
  constructor(readonly items: Iterable<unknown>) {}
}

/**
 * Characters JSON allows raw inside strings but that a reader of the file should not meet raw: DEL and
 * C1 controls, format characters (bidi overrides, zero-width) and the line/paragraph separators. As `\uXXXX`
 * escapes they parse to the same data while the file itself holds no hidden or reordering character.
 */
const RAW_HIDDEN = /[\u007f-\u009f\p{Cf}\u2028\u2029]/gu;

/** Anything beyond printable ASCII; the exact (slower, Unicode-aware) pattern runs only when this matches. */
// eslint-disable-next-line no-control-regex
const NON_ASCII_OR_DEL = /[^\x00-\x7e]/;

function escapeHidden(json: string): string {
  if (!NON_ASCII_OR_DEL.test(json)) return json;
  return json.replace(RAW_HIDDEN, (ch) => {
    let out = '';
    for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
    return out;
  });
}

/** One value as indented JSON, continuing at `indent` (its inner lines indented from there). */
function stringifyAt(value: unknown, indent: string): string {
  const json = escapeHidden(JSON.stringify(value, null, 2) ?? 'null');
  return indent === '' || !json.includes('\n') ? json : json.replace(/\n/g, `\n${indent}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

const STEP = '  ';

/** The chunks of `value` as indented JSON; streamed arrays are expanded item by item. */
export function* jsonChunks(value: unknown, indent = ''): Generator<string> {
  if (value instanceof StreamedArray) {
    const inner = indent + STEP;
    let first = true;
    for (const item of value.items) {
      yield `${first ? '[' : ','}\n${inner}${escapeHidden(JSON.stringify(item) ?? 'null')}`;
      first = false;
    }
    yield first ? '[]' : `\n${indent}]`;
    return;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    const inner = indent + STEP;
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? '[' : ','}\n${inner}`;
      // like JSON.stringify: holes, undefined and functions in arrays are null
      const item = value[i] as unknown;
      yield* jsonChunks(item === undefined || typeof item === 'function' ? null : item, inner);
    }
    yield `\n${indent}]`;
    return;
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function');
    if (entries.length === 0) {
      yield '{}';
      return;
    }
    const inner = indent + STEP;
    let first = true;
    for (const [key, v] of entries) {
      yield `${first ? '{' : ','}\n${inner}${escapeHidden(JSON.stringify(key))}: `;
      yield* jsonChunks(v, inner);
      first = false;
    }
    yield `\n${indent}}`;
    return;
  }
  yield stringifyAt(value, indent);
}

/** Lazily maps an iterable (the items of a streamed array are made only when written). */
export function* mapItems<T, U>(items: Iterable<T>, fn: (item: T) => U): Generator<U> {
  for (const item of items) yield fn(item);
}
