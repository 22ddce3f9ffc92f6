// Principle texts keep the seed's inline `code` in backticks; this turns them into <code> spans.
import { Fragment } from 'react';

export function RichText({ text }: { text: string }) {
  const parts = text.split('`');
  return (
    <>
      {parts.map((part, i) =>
        // An unmatched trailing backtick leaves an odd part count: the last part is then plain text.
        i % 2 === 1 && i < parts.length - 1 ? <code key={i}>{part}</code> : <Fragment key={i}>{part}</Fragment>,
      )}
    </>
  );
}
