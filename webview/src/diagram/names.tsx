// A name from the analysed code as the panel shows it: hidden characters (bidi overrides, zero-width)
// written out visibly, long names cut in the middle with the full text in the tooltip, and `dir="auto"`
// so a right-to-left name cannot reorder what is around it.
import { visibleText } from '../../../src/core/text/visible';

export function nameText(text: string, cap = 80): string {
  return visibleText(text, { cap, cut: 'middle' });
}

export function Name({ text, cap = 80, className }: { text: string; cap?: number; className?: string }) {
  const full = visibleText(text);
  return (
    <bdi dir="auto" className={className ? `ea-name ${className}` : 'ea-name'} title={full.length > cap ? full : undefined}>
      {nameText(text, cap)}
    </bdi>
  );
}
