// Draws the flow graph. The SVG comes from Mermaid in strict mode (sanitised labels, no scripts), so it is
// inserted as markup; anything that goes wrong is shown as text next to the diagram source.
import { useEffect, useRef, useState } from 'react';
import { renderMermaid } from '../mermaid/renderMermaid';
import { mermaidThemeFor } from '../mermaid/theme';
import { useThemeKind } from '../mermaid/useThemeKind';

type DiagramState = { status: 'rendering' } | { status: 'ready'; svg: string } | { status: 'error'; error: string };

export function MermaidDiagram({ source }: { source: string }) {
  const theme = mermaidThemeFor(useThemeKind());
  const [state, setState] = useState<DiagramState>({ status: 'rendering' });
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let current = true;
    setState({ status: 'rendering' });
    void renderMermaid(source, theme).then((result) => {
      if (!current) return;
      setState(result.ok ? { status: 'ready', svg: result.svg } : { status: 'error', error: result.error });
    });
    return () => {
      current = false;
    };
  }, [source, theme]);

  useEffect(() => {
    if (host.current) host.current.innerHTML = state.status === 'ready' ? state.svg : '';
  }, [state]);

  return (
    <figure className="diagram" aria-busy={state.status === 'rendering'}>
      <figcaption className="visually-hidden">Flow diagram</figcaption>
      {state.status === 'rendering' && <p role="status">Drawing the diagram…</p>}
      {state.status === 'error' && (
        <div role="alert" className="diagram-error">
          <p>The diagram could not be drawn: {state.error}</p>
          <details>
            <summary>Diagram source</summary>
            <pre>{source}</pre>
          </details>
        </div>
      )}
      <div ref={host} className="diagram-svg" />
    </figure>
  );
}
