// VS Code marks the webview's <body> with the theme kind; Mermaid needs one of its own themes. Mermaid
// derives shades from concrete colours, so CSS variables cannot be passed through as they are; in high
// contrast the resolved values of VS Code's variables become Mermaid's `base` theme variables, so the
// diagram uses the same stark foreground/border colours as the rest of the workbench.
export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';
export type MermaidThemeName = 'default' | 'dark' | 'neutral' | 'base';

export interface MermaidThemeConfig {
  theme: MermaidThemeName;
  themeVariables?: Record<string, string | boolean>;
}

export function themeKindOf(classes: DOMTokenList): ThemeKind {
  // High-contrast light carries both classes, so it is tested first.
  if (classes.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (classes.contains('vscode-high-contrast')) return 'high-contrast';
  if (classes.contains('vscode-dark')) return 'dark';
  return 'light';
}

const HEX = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/**
 * `readVar` returns a CSS variable's resolved value (e.g. from getComputedStyle). Only plain hex colours
 * are used: anything else (missing, `rgba(…)`, a keyword) falls back to a built-in theme rather than risk
 * Mermaid's colour parser rejecting it.
 */
export function mermaidThemeFor(kind: ThemeKind, readVar: (name: string) => string = () => ''): MermaidThemeConfig {
  if (kind === 'light') return { theme: 'default' };
  if (kind === 'dark') return { theme: 'dark' };
  const fallback: MermaidThemeConfig = { theme: kind === 'high-contrast' ? 'dark' : 'neutral' };
  const background = readVar('--vscode-editor-background').trim();
  const foreground = readVar('--vscode-foreground').trim();
  const border = readVar('--vscode-contrastBorder').trim();
  const active = readVar('--vscode-contrastActiveBorder').trim() || border;
  if (![background, foreground, border, active].every((c) => HEX.test(c))) return fallback;
  return {
    theme: 'base',
    themeVariables: {
      darkMode: kind === 'high-contrast',
      background,
      primaryColor: background,
      primaryTextColor: foreground,
      primaryBorderColor: border,
      secondaryColor: background,
      tertiaryColor: background,
      lineColor: active,
      textColor: foreground,
      clusterBkg: background,
      clusterBorder: border,
      edgeLabelBackground: background,
      titleColor: foreground,
    },
  };
}
