// Text in SARIF logs. Code-scanning UIs show `message.text` as plain text, so the escaping JSON does (C0
// as `\u001b`) is undone before display: raw ESC/BEL or a bidi override would reach the reader. Messages
// are made of visible characters only, on one line, with each name inside capped.
import { NAME_CAP, capWords, visibleText } from './visible';

/** SARIF recommends short messages; a longer one is cut with an ellipsis. */
export const SARIF_MESSAGE_CAP = 1_000;

/** A name quoted in a SARIF message. */
export function sarifName(text: string, cap: number = NAME_CAP): string {
  return visibleText(text, { cap, cut: 'middle' });
}

/** A whole `message.text`: hidden characters visible, long words capped, the message capped. */
export function sarifMessage(text: string, cap: number = SARIF_MESSAGE_CAP): string {
  return visibleText(capWords(text), { cap, flatten: true });
}
