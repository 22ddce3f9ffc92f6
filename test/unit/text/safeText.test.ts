// @vitest-environment jsdom
// The escaping modules on their own: visible controls, exact caps, and Markdown that renders as exactly
// the text it was given (so escaping never changes what the reader sees, only what a renderer does).
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { ELLIPSIS, capWords, markdownCode, markdownText, mermaidComment, sarifMessage, terminalText, visibleText } from '../../../src/core/text';
import { HOSTILE_NAMES, RAW_HIDDEN } from './hostileNames';

function renderedText(markdown: string): string {
  const doc = new DOMParser().parseFromString(marked.parse(markdown, { async: false }), 'text/html');
  return doc.body.textContent ?? '';
}

describe('visibleText', () => {
  it('writes hidden characters out and leaves readable text alone', () => {
    expect(visibleText('orders.created')).toBe('orders.created');
    expect(visibleText('הזמנה.נוצרה')).toBe('הזמנה.נוצרה');
    expect(visibleText('a\u202Eb\u200Bc\u2028d\u001be\u0007f')).toBe('a⟨U+202E⟩b⟨U+200B⟩c⟨U+2028⟩d⟨U+001B⟩e⟨U+0007⟩f');
    expect(visibleText('tag\u{E0041}')).toBe('tag⟨U+E0041⟩');
    expect(visibleText('lone\uD800')).toBe('lone⟨U+D800⟩');
    expect(visibleText('a\n\n\tb', { flatten: true })).toBe('a b');
  });

  it('caps at exactly `cap` code points with an ellipsis, never splitting a pair or a visible code', () => {
    const cut = visibleText('🚀'.repeat(50), { cap: 10 });
    expect(Array.from(cut)).toHaveLength(10);
    expect(cut.endsWith(ELLIPSIS)).toBe(true);
    const codes = visibleText('\u202E'.repeat(10), { cap: 20 });
    expect(codes).toBe(`⟨U+202E⟩⟨U+202E⟩${ELLIPSIS}`);
    const middle = visibleText(`${'a'.repeat(100)}/file.ts`, { cap: 21, cut: 'middle' });
    expect(Array.from(middle)).toHaveLength(21);
    expect(middle.endsWith('/file.ts')).toBe(true);
  });

  it('costs the cap, not the input: a 50 MB name is cut without being walked', () => {
    const huge = 'x'.repeat(50_000_000);
    expect(visibleText(huge, { cap: 120 })).toHaveLength(120);
    expect(visibleText(huge, { cap: 120, cut: 'middle' })).toHaveLength(120);
  });

  it('caps long words inside a sentence', () => {
    const message = capWords(`in \`${'n'.repeat(500)}\` now`, 40);
    expect(message.startsWith('in `nnn')).toBe(true);
    expect(message.endsWith('nnn` now')).toBe(true);
    expect(message).toHaveLength('in '.length + 40 + ' now'.length);
  });
});

describe('Markdown', () => {
  it('renders every hostile name as exactly its visible text, on one line', () => {
    for (const name of HOSTILE_NAMES) {
      const expected = visibleText(name, { cap: 120 });
      expect(renderedText(markdownText(name)).trim(), name.slice(0, 60)).toBe(expected.trim().replace(/ +/g, ' '));
    }
  });

  it('puts code in a span no backtick inside can close', () => {
    expect(markdownCode('a ``` b')).toBe('```` a ``` b ````');
    for (const name of HOSTILE_NAMES) {
      const html = marked.parse(markdownCode(name), { async: false });
      expect(html.match(/<code>/g), name.slice(0, 60)).toHaveLength(1);
    }
  });
});

describe('Mermaid comments, terminal text and SARIF messages', () => {
  it('never carry a directive, a raw control or more than the cap', () => {
    for (const name of HOSTILE_NAMES) {
      expect(mermaidComment(name)).not.toContain('%%{');
      for (const out of [mermaidComment(name), terminalText(name), sarifMessage(`channel "${name}"`)]) {
        expect(out).not.toMatch(RAW_HIDDEN);
        expect(Array.from(out).length).toBeLessThanOrEqual(1_000);
      }
    }
    expect(Array.from(terminalText('x'.repeat(10_000))).length).toBe(120);
  });
});
