// VS Code marks the webview's <body> with the theme kind; Mermaid needs one of its own themes, with
// concrete colours (it derives shades itself, so CSS variables cannot be passed through).
export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';
export type MermaidTheme = 'default' | 'dark' | 'neutral';

export function themeKindOf(classes: DOMTokenList): ThemeKind {
  // High-contrast light carries both classes, so it is tested first.
  if (classes.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (classes.contains('vscode-high-contrast')) return 'high-contrast';
  if (classes.contains('vscode-dark')) return 'dark';
  return 'light';
}

export function mermaidThemeFor(kind: ThemeKind): MermaidTheme {
  switch (kind) {
    case 'dark':
    case 'high-contrast':
      return 'dark';
    case 'high-contrast-light':
      return 'neutral';
    case 'light':
      return 'default';
  }
}
