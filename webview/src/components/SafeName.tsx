// A name from the analysed code (channel, file, function, service) as the webview shows it: hidden and
// bidi-control characters written out (`⟨U+202E⟩`), cut in the middle past `cap` with the whole name in
// the tooltip, and isolated with `dir="auto"` so a right-to-left name keeps its own direction without
// reordering the text beside it. The text rules are the core's (src/core/text/bidi.ts), as in the trees,
// hovers and the CLI.
import { displayName } from '../../../src/core/text/bidi';

/** A name wider than this stops fitting the sidebar; the tooltip holds the rest. */
export const WEBVIEW_NAME_CAP = 80;

interface Props {
  name: string;
  cap?: number;
  className?: string;
}

export function SafeName({ name, cap = WEBVIEW_NAME_CAP, className }: Props) {
  const shown = displayName(name, cap);
  return (
    <bdi dir="auto" className={className ? `safe-name ${className}` : 'safe-name'} title={shown.cut ? shown.full : undefined}>
      {shown.text}
    </bdi>
  );
}
