// Plain text in the editor's own UI: tree labels and descriptions, diagnostic messages (their hovers and
// the Problems view), notifications. VS Code shows these as text, so there is no markup to escape, but a
// bidi override still reverses the rest of the line and a zero-width or control character still hides:
// hidden characters are written out visibly, everything stays on one line, and names are capped.
import { NAME_CAP, capWords, visibleText } from './visible';

/** The longest message (a finding, an error) shown as one line of UI text. */
export const PLAIN_MESSAGE_CAP = 1_000;

/** A name (channel, service, file, function) as a label: one line, cut in the middle at `cap`. */
export function plainName(text: string, cap: number = NAME_CAP): string {
  return visibleText(text, { cap, cut: 'middle' });
}

/** A sentence that may quote names: one line, hidden characters visible, each long word capped. */
export function plainMessage(text: string, cap: number = PLAIN_MESSAGE_CAP): string {
  return visibleText(capWords(text), { cap, flatten: true });
}
