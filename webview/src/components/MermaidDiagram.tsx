// Draws the flow graph. The SVG comes from Mermaid in strict mode (sanitised labels, no scripts), so it is
// inserted as markup; anything that goes wrong is shown as text next to the diagram source.
import { useEffect, useRef, useState } from 'react';
import { renderMermaid } from '../mermaid/renderMermaid';
import { mermaidThemeFor } from '../mermaid/theme';
import { useThemeKind } from '../mermaid/useThemeKind';

type DiagramState = { status: 'rendering' } | { status: 'ready'; svg: string } | { status: 'error'; error: string };

/**
 * Mermaid sizes its SVG `width: 100%; max-width: <natural>px`, which fits it to the view ("fit"). At
 * natural size the container scrolls instead, which keeps labels readable in a narrow sidebar.
 */
function applySize(svg: SVGSVGElement, natural: string, fit: boolean): void {
  svg.style.width = fit ? '100%' : natural;
  svg.style.maxWidth = fit ? natural : 'none';
}

function cssVariable(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name);
}

export function MermaidDiagram({ source }: { source: string }) {
  const kind = useThemeKind();
  const [state, setState] = useState<DiagramState>({ status: 'rendering' });
  const [fit, setFit] = useState(false);
  const host = useRef<HTMLDivElement>(null);
  const naturalWidth = useRef('');

  useEffect(() => {
    let current = true;
    setState({ status: 'rendering' });
    void renderMermaid(source, mermaidThemeFor(kind, cssVariable)).then((result) => {
      if (!current) return;
      setState(result.ok ? { status: 'ready', svg: result.svg } : { status: 'error', error: result.error });
    });
    return () => {
      current = false;
    };
  }, [source, kind]);

  useEffect(() => {
    if (!host.current) return;
    host.current.innerHTML = state.status === 'ready' ? state.svg : '';
    naturalWidth.current = host.current.querySelector('svg')?.style.maxWidth ?? '';
  }, [state]);

  useEffect(() => {
    const svg = host.current?.querySelector('svg');
    if (svg && naturalWidth.current) applySize(svg, naturalWidth.current, fit);
  }, [state, fit]);

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
      {state.status === 'ready' && (
        <button type="button" className="link diagram-fit" aria-pressed={fit} onClick={() => setFit(!fit)}>
          Fit to width
        </button>
      )}
      {/* Focusable so keyboard users can scroll a diagram wider than the view. */}
      <div ref={host} className="diagram-svg" tabIndex={state.status === 'ready' ? 0 : -1} role="region" aria-label="Flow diagram" />
    </figure>
  );
}
