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
    expect(mermaidThemeFor('light')).toEqual({ theme: 'default' });
    expect(mermaidThemeFor('dark')).toEqual({ theme: 'dark' });
    expect(mermaidThemeFor('high-contrast')).toEqual({ theme: 'dark' });
    expect(mermaidThemeFor('high-contrast-light')).toEqual({ theme: 'neutral' });
  });

  it('draws high contrast with the workbench colours when they are plain hex values', () => {
    const hc: Record<string, string> = {
      '--vscode-editor-background': '#000000',
      '--vscode-foreground': ' #FFFFFF',
      '--vscode-contrastBorder': '#6FC3DF',
      '--vscode-contrastActiveBorder': '#F38518',
    };
    const config = mermaidThemeFor('high-contrast', (name) => hc[name] ?? '');
    expect(config.theme).toBe('base');
    expect(config.themeVariables).toMatchObject({
      darkMode: true,
      primaryColor: '#000000',
      primaryTextColor: '#FFFFFF',
      primaryBorderColor: '#6FC3DF',
      lineColor: '#F38518',
    });
    // A colour Mermaid might not parse, or a missing one, falls back to the built-in theme.
    expect(mermaidThemeFor('high-contrast', (name) => (name === '--vscode-contrastBorder' ? 'rgba(0,0,0,0.5)' : hc[name] ?? ''))).toEqual({ theme: 'dark' });
    expect(mermaidThemeFor('high-contrast-light', () => '')).toEqual({ theme: 'neutral' });
  });

  it('never reads variables outside high contrast', () => {
    const read: string[] = [];
    mermaidThemeFor('dark', (name) => {
      read.push(name);
      return '#000000';
    });
    expect(read).toEqual([]);
  });
});

describe('renderMermaid', () => {
  it('refuses an empty diagram with a message', async () => {
    expect(await renderMermaid('  \n', { theme: 'default' })).toEqual({ ok: false, error: 'The diagram is empty.' });
  });

  it('returns Mermaid’s parse error as text and leaves nothing behind in the page', async () => {
    const before = document.body.innerHTML;
    const result = await renderMermaid('flowchart LR\n  a -->|unterminated b', { theme: 'dark' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^Parse error on line \d+:/);
    expect(document.body.innerHTML).toBe(before);
  }, 20_000);

  it('runs renders one after another and answers each call', async () => {
    const results = await Promise.all([
      renderMermaid('flowchart LR\n  a -->', { theme: 'default' }),
      renderMermaid('sequenceDiagram\n  A->>', { theme: 'default' }),
    ]);
    expect(results.map((r) => r.ok)).toEqual([false, false]);
    for (const r of results) if (!r.ok) expect(r.error.length).toBeGreaterThan(0);
  }, 20_000);

  // jsdom has no SVG layout (getBBox), so a valid diagram cannot be drawn here; what matters is that the
  // failure comes back as a message, not an exception, and that Mermaid's scratch nodes are cleaned up.
  // (The real rendering is checked in Chromium, see the report of the webview work.)
  it('answers a valid flowchart with an SVG or a readable reason, never an exception', async () => {
    const before = document.body.innerHTML;
    const result = await renderMermaid('flowchart LR\n  p["OrdersService.create"] -->|orders.created| c["billing"]', { theme: 'default' });
    if (result.ok) expect(result.svg).toMatch(/^<svg/);
    else expect(result.error).toMatch(/\S/);
    expect(document.body.innerHTML).toBe(before);
  }, 20_000);
});
