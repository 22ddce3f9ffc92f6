import { describe, expect, it } from 'vitest';
import { renderMermaid } from '../../webview/src/mermaid/renderMermaid';
import { mermaidThemeFor, themeKindOf } from '../../webview/src/mermaid/theme';

function classes(...names: string[]): DOMTokenList {
  const el = document.createElement('body');
  el.classList.add(...names);
  return el.classList;
}

describe('theme', () => {
  it('reads the VS Code theme kind from the body classes', () => {
    expect(themeKindOf(classes('vscode-light'))).toBe('light');
    expect(themeKindOf(classes('vscode-dark'))).toBe('dark');
    expect(themeKindOf(classes('vscode-high-contrast'))).toBe('high-contrast');
    expect(themeKindOf(classes('vscode-high-contrast', 'vscode-high-contrast-light'))).toBe('high-contrast-light');
    expect(themeKindOf(classes())).toBe('light');
  });

  it('maps each kind to a Mermaid theme', () => {
    expect(mermaidThemeFor('light')).toBe('default');
    expect(mermaidThemeFor('dark')).toBe('dark');
    expect(mermaidThemeFor('high-contrast')).toBe('dark');
    expect(mermaidThemeFor('high-contrast-light')).toBe('neutral');
  });
});

describe('renderMermaid', () => {
  it('refuses an empty diagram with a message', async () => {
    expect(await renderMermaid('  \n', 'default')).toEqual({ ok: false, error: 'The diagram is empty.' });
  });

  it('returns Mermaid’s parse error as text and leaves nothing behind in the page', async () => {
    const before = document.body.innerHTML;
    const result = await renderMermaid('flowchart LR\n  a -->|unterminated b', 'dark');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^Parse error on line \d+:/);
    expect(document.body.innerHTML).toBe(before);
  }, 20_000);

  it('runs renders one after another and answers each call', async () => {
    const results = await Promise.all([
      renderMermaid('flowchart LR\n  a -->', 'default'),
      renderMermaid('sequenceDiagram\n  A->>', 'default'),
    ]);
    expect(results.map((r) => r.ok)).toEqual([false, false]);
    for (const r of results) if (!r.ok) expect(r.error.length).toBeGreaterThan(0);
  }, 20_000);

  // jsdom has no SVG layout (getBBox), so a valid diagram cannot be drawn here; what matters is that the
  // failure comes back as a message, not an exception, and that Mermaid's scratch nodes are cleaned up.
  // (The real rendering is checked in Chromium, see the report of the webview work.)
  it('answers a valid flowchart with an SVG or a readable reason, never an exception', async () => {
    const before = document.body.innerHTML;
    const result = await renderMermaid('flowchart LR\n  p["OrdersService.create"] -->|orders.created| c["billing"]', 'default');
    if (result.ok) expect(result.svg).toMatch(/^<svg/);
    else expect(result.error).toMatch(/\S/);
    expect(document.body.innerHTML).toBe(before);
  }, 20_000);
});
