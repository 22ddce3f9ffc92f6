// Follows VS Code theme switches: VS Code rewrites <body class> when the user changes the colour theme.
import { useEffect, useState } from 'react';
import { themeKindOf, type ThemeKind } from './theme';

export function useThemeKind(): ThemeKind {
  const [kind, setKind] = useState<ThemeKind>(() => themeKindOf(document.body.classList));
  useEffect(() => {
    const observer = new MutationObserver(() => setKind(themeKindOf(document.body.classList)));
    observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
    return () => observer.disconnect();
  }, []);
  return kind;
}
