// Names in the CLI's text output. A terminal interprets ESC sequences (cursor moves, window titles, fake
// output) and BEL, and bidi overrides reorder what is printed: every hidden character is written out
// visibly (`⟨U+001B⟩`) and long names are capped, so the report shows what the code holds and stays readable.
import { NAME_CAP, capWords, visibleText } from './visible';

/** The longest message (a finding, a skip reason) printed on one line. */
export const MESSAGE_CAP = 1_000;

/** A name (channel, service, file, function) for one line of terminal text, cut in the middle. */
export function terminalText(text: string, cap: number = NAME_CAP): string {
  return visibleText(text, { cap, cut: 'middle' });
}

/** A sentence that may quote names: one line, hidden characters visible, each long word capped. */
export function terminalMessage(text: string, cap: number = MESSAGE_CAP): string {
  return visibleText(capWords(text), { cap, flatten: true });
}
