// Names and code from the analysed workspace inside Markdown (tree tooltips, hovers). VS Code renders such
// Markdown with links, images and autolinks, so a snippet holding `[Open fix](https://…)` or
// `![](https://…/t.png)` would show a live link or load a remote image. User text therefore goes in either
// as escaped text (every ASCII punctuation character backslash-escaped: CommonMark lets any of them be
// escaped, and then none can open a link, an image, emphasis, HTML, a list or an autolink) or as a code
// span whose fence is longer than any backtick run inside (a code span is literal: nothing in it renders).
import { NAME_CAP, visibleText } from './visible';

/** How long a code snippet may be in a tooltip. */
export const SNIPPET_CAP = 200;

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/** Plain text as Markdown that renders as exactly that text, on one line, at most `cap` code points. */
export function markdownText(text: string, cap: number = NAME_CAP): string {
  return visibleText(text, { cap }).replace(ASCII_PUNCTUATION, '\\$&');
}

/** Text as an inline code span (`` `…` ``), flattened to one line and capped, that no content can close. */
export function markdownCode(text: string, cap: number = SNIPPET_CAP): string {
  const body = visibleText(text, { cap, flatten: true });
  let longest = 0;
  for (const run of body.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  // The spaces keep a leading or trailing backtick of the body off the fence; CommonMark strips one each side.
  return `${fence} ${body} ${fence}`;
}
