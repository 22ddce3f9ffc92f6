// The same hostile names for every output: each one once tricked a renderer somewhere (reordering, markup,
// links, remote images, Mermaid directives and click handlers, terminal escapes, invisible characters).

/** 10 KB without a space: a name no label, line or message may show whole. */
export const TEN_KB_NAME = 'long'.repeat(2_560);

export const HOSTILE_NAMES: readonly string[] = [
  'invoice\u202Egnp.exe',
  'הזמנה.נוצרה 1 → 0',
  TEN_KB_NAME,
  `${'wide '.repeat(2_000)}end`,
  '"]; click ep_x call alert(1); %%',
  '<img src=x onerror=alert(1)>',
  '%%{init: {"securityLevel": "loose"}}%%',
  '` [Open fix](https://example.invalid) ![](https://example.invalid/t.png) `',
  '[Open fix][ref]\n\n[ref]: https://example.invalid',
  'https://example.invalid/auto www.example.invalid mail@example.invalid <https://example.invalid/angle>',
  'esc\u001b[2J\u001b]0;title\u0007bell',
  'line\u2028separator\u2029paragraph',
  'zero\u200Bwidth\u200Djoiner\uFEFFbom',
  'lrm\u200Emark\u200Frlm\u061Calm',
  'isolate\u2066left\u2067right\u2068first\u2069pop',
  'tab\tnew\nline\r\nreturn\u0085nel',
  '$(alert) `code` **bold** _em_ # heading',
  '&lt;entity&gt; &#x202E; #8238;',
  'style:#f00; classDef x fill:#f00;',
];

/** Every character that must never reach an output raw (a line break only where the output puts it). */
// eslint-disable-next-line no-control-regex
export const RAW_HIDDEN = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/u;

/**
 * True if `text` shows more than `cap` characters of the 10 KB name, or more than `spacedCap` of the spaced
 * one, in one piece (a message caps each word at the name cap and the whole message at a larger cap).
 */
export function showsLongerThan(text: string, cap: number, spacedCap = cap): boolean {
  return text.includes('long'.repeat(Math.floor(cap / 4) + 1)) || text.includes('wide '.repeat(Math.floor(spacedCap / 5) + 1));
}

/**
 * The text without the FSI…PDI pairs the outputs put around a right-to-left name themselves (core/text/
 * bidi.ts): what is left must hold no raw hidden character, so an isolate from the name still fails.
 */
export function withoutOwnIsolates(text: string): string {
  return text.replace(/\u2068([^\u2066-\u2069]*)\u2069/gu, '$1');
}
