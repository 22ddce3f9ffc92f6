import { describe, expect, it } from 'vitest';
import { mermaidId, stableHash } from '../../../src/core/render/mermaidText';
import { escapeMermaidLabel, mermaidLabel } from '../../../src/core/text/mermaid';
import { visibleText } from '../../../src/core/text/visible';

describe('escapeMermaidLabel', () => {
  it('keeps ordinary topic names readable', () => {
    expect(escapeMermaidLabel('orders.created')).toBe('orders.created');
    expect(escapeMermaidLabel('cache:invalidate/v2')).toBe('cache:invalidate/v2');
    expect(escapeMermaidLabel('Bestellung.erstellt.ü')).toBe('Bestellung.erstellt.ü');
  });

  it('turns quotes, brackets, arrows, comments and markup into entity codes', () => {
    const out = escapeMermaidLabel('a"]-->b%%<script>x</script>');
    expect(out).not.toMatch(/["[\]<>%]/);
    expect(out).toContain('#34;');
    expect(out).toContain('#60;script#62;');
  });

  it('flattens newlines so a label never spans lines', () => {
    expect(escapeMermaidLabel('a\nb\r\nc\rd')).toBe('a b c d');
  });

  it('encodes emoji and invisible format characters by code point', () => {
    expect(escapeMermaidLabel('go🚀')).toBe('go#128640;');
    expect(escapeMermaidLabel('a\u202eb')).toBe('a#8238;b');
    // as a label, the override is written out instead of reversing what follows it
    expect(mermaidLabel('a\u202eb')).toBe('a#10216;U+202E#10217;b');
  });

  it('breaks up directive words Mermaid pre-processes', () => {
    expect(escapeMermaidLabel('style:#fff;')).toBe('#115;tyle:#35;fff#59;');
    expect(escapeMermaidLabel('classDef')).toBe('#99;lassDef');
  });
});

describe('mermaidId', () => {
  it('is stable, prefixed and ASCII-only', () => {
    const id = mermaidId('ch', 'kafka\u0000orders.created');
    expect(id).toBe(mermaidId('ch', 'kafka\u0000orders.created'));
    expect(id).toMatch(/^ch_[A-Za-z0-9_]+$/);
  });

  it('keeps keys with the same slug apart', () => {
    expect(mermaidId('ch', 'a.b')).not.toBe(mermaidId('ch', 'a-b'));
  });

  it('never yields a bare keyword', () => {
    expect(mermaidId('ep', 'end')).toMatch(/^ep_end_/);
  });

  it('hashes deterministically', () => {
    expect(stableHash('orders')).toBe(stableHash('orders'));
    expect(stableHash('orders')).not.toBe(stableHash('orderz'));
  });
});

describe('visibleText middle cut', () => {
  it('keeps short text and shortens long text around an ellipsis', () => {
    expect(visibleText('short', { cap: 10, cut: 'middle' })).toBe('short');
    const cut = visibleText('packages/orders/src/very/deep/path/file.ts', { cap: 20, cut: 'middle' });
    expect(Array.from(cut)).toHaveLength(20);
    expect(cut.startsWith('packages/')).toBe(true);
    expect(cut.endsWith('file.ts')).toBe(true);
  });
});
