// Registers Mermaid's ELK layout on first use. ELK lays out large graphs with subgraphs better than
// Mermaid's default (dagre), which also has known failures on some clustered graphs. Loaded with a dynamic
// import next to Mermaid's, so only a drawn diagram pays for it; a failed load means "no ELK", never an error.
let registered: Promise<boolean> | undefined;

export function ensureElkLayout(): Promise<boolean> {
  registered ??= Promise.all([import('mermaid'), import('@mermaid-js/layout-elk')])
    .then(([mermaid, elk]) => {
      mermaid.default.registerLayoutLoaders(elk.default);
      return true;
    })
    .catch(() => false);
  return registered;
}
