// The Flow Diagram editor panel: toolbar, the pannable diagram, the side list of the selected node and a
// hover card. The graph follows the index live; the view (zoom, filters, focus, selection) is the user's
// and is kept across updates and reloads. Nothing that fails here shows a raw internal error.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { LocationRef } from '../../../src/protocol/messages';
import { mermaidThemeFor } from '../mermaid/theme';
import { useThemeKind } from '../mermaid/useThemeKind';
import { renderMermaid } from '../mermaid/renderMermaid';
import { postDiagramMessage } from '../vscodeApi';
import { DiagramCanvas } from './DiagramCanvas';
import { choicesOf, detectionsOf } from './diagramModel';
import type { DrawResult } from './drawDiagram';
import { drawDiagram, sizeOf, withConfig } from './drawDiagram';
import type { DiagramFilters, Focus, Transform } from './diagramState';
import { DiagramToolbar, type CanvasCommand, type ExportKind } from './DiagramToolbar';
import { markdownDocument, pngDataUrl, svgDocument } from './exportImage';
import { NodeDetails } from './NodeDetails';
import { NodeTooltip } from './NodeTooltip';
import { useDiagramHost, usePersistentView } from './useDiagramHost';
import { DiagramNotice } from './DiagramNotice';
import './diagram.css';

type Draw = { status: 'drawing' } | { status: 'done'; result: DrawResult };

function cssVariable(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name);
}

export function DiagramApp() {
  const { graph, index } = useDiagramHost();
  const [view, setView] = usePersistentView();
  const themeKind = useThemeKind();
  const [draw, setDraw] = useState<Draw>({ status: 'drawing' });
  const [hover, setHover] = useState<{ id: string; x: number; y: number } | null>(null);
  const [command, setCommand] = useState<{ name: CanvasCommand; seq: number } | null>(null);
  const [exportNote, setExportNote] = useState('');
  const byId = useMemo(() => (graph ? detectionsOf(graph) : new Map()), [graph]);
  const choices = useMemo(() => (graph ? choicesOf(graph) : { brokers: [], services: [], kinds: [] }), [graph]);
  const { filters, focus } = view;

  useEffect(() => {
    if (!graph || graph.flows.length === 0) return;
    let current = true;
    setDraw({ status: 'drawing' });
    const log = (message: string) => postDiagramMessage({ type: 'log', level: 'warn', message });
    drawDiagram(graph, filters, focus, mermaidThemeFor(themeKind, cssVariable), log)
      .then((result) => {
        if (!current) return;
        if (!result.ok) log(`nothing could be drawn after ${result.attempts} attempts (${sizeOf(result.model)})`);
        setDraw({ status: 'done', result });
      })
      .catch((error: unknown) => {
        // buildDiagram is ours and should not throw; if it does, the user still gets a sentence.
        log(`drawing failed: ${error instanceof Error ? error.message : String(error)}`);
        if (current) setDraw({ status: 'done', result: { ok: false, model: emptyModel(), attempts: 0 } });
      });
    return () => {
      current = false;
    };
  }, [graph, filters, focus, themeKind]);

  const setTransform = useCallback((transform: Transform) => setView((v) => ({ ...v, transform })), [setView]);
  // A new filter or focus shows a different graph: fit it again. Index updates keep the view as it is.
  const setFilters = (next: DiagramFilters) => setView((v) => ({ ...v, filters: next, transform: null }));
  const setFocus = (next: Focus | null) => setView((v) => ({ ...v, focus: next, transform: null, selectedNodeId: null }));
  const openLocation = (location: LocationRef) => postDiagramMessage({ type: 'openLocation', location });

  const result = draw.status === 'done' ? draw.result : null;
  const drawn = result?.ok ? result : null;
  const selected = view.selectedNodeId && drawn ? drawn.model.nodes.get(view.selectedNodeId) : undefined;
  const hovered = hover && drawn ? drawn.model.nodes.get(hover.id) : undefined;

  const onNodeClick = (nodeId: string): void => {
    const node = drawn?.model.nodes.get(nodeId);
    if (!node) return;
    setView((v) => ({ ...v, selectedNodeId: nodeId }));
    // A producer or consumer node opens its code; with several places, the first one (all are in the list).
    if (node.kind === 'endpoint' && drawn?.model.detail === 'function') {
      const first = node.detectionIds.map((id) => byId.get(id)).find((d) => d !== undefined);
      if (first) openLocation(first.location);
    }
  };

  const onExport = async (kind: ExportKind): Promise<void> => {
    if (!drawn) return;
    const source = drawn.model.source;
    setExportNote('');
    try {
      if (kind === 'copy') postDiagramMessage({ type: 'copyMermaid', source });
      if (kind === 'markdown') postDiagramMessage({ type: 'export', format: 'markdown', data: markdownDocument(source, captionOf(drawn.model.channelsShown, drawn.model.channelsTotal)) });
      if (kind === 'svg') postDiagramMessage({ type: 'export', format: 'svg', data: svgDocument(drawn.svg) });
      if (kind === 'png') {
        const plain = await renderMermaid(withConfig(source, drawn.layout, true), mermaidThemeFor(themeKind, cssVariable));
        if (!plain.ok) throw new Error(plain.error);
        postDiagramMessage({ type: 'export', format: 'png', data: await pngDataUrl(plain.svg, cssVariable('--vscode-editor-background').trim()) });
      }
    } catch (error) {
      postDiagramMessage({ type: 'log', level: 'warn', message: `export as ${kind} failed: ${error instanceof Error ? error.message : String(error)}` });
      setExportNote(`The ${kind.toUpperCase()} export could not be made; the Mermaid source can still be copied.`);
    }
  };

  const focusLabel = focus?.kind === 'service' ? focus.service : (graph?.flows.find((f) => f.id === focus?.flowId)?.channel ?? '');
  const state = graph === undefined ? 'loading' : graph === null || graph.flows.length === 0 ? 'empty' : draw.status === 'drawing' ? 'drawing' : drawn ? 'ready' : 'too-big';

  return (
    <main className="diagram-app" data-state={state} data-layout={drawn?.layout ?? ''} data-detail={drawn?.model.detail ?? ''}>
      <DiagramToolbar
        choices={choices}
        filters={filters}
        focus={focus}
        focusLabel={focusLabel}
        canExport={drawn !== null}
        onFilters={setFilters}
        onClearFocus={() => setFocus(null)}
        onCommand={(name) => setCommand((c) => ({ name, seq: (c?.seq ?? 0) + 1 }))}
        onExport={(kind) => void onExport(kind)}
      />
      <DiagramNotice graph={graph} index={index} draw={draw.status === 'drawing' ? null : result} onFocus={setFocus} onReindex={() => postDiagramMessage({ type: 'reindex' })} />
      {exportNote && (
        <p role="alert" className="diagram-note">
          {exportNote}
        </p>
      )}
      <div className="diagram-body">
        {drawn && (
          <DiagramCanvas
            svg={drawn.svg}
            transform={view.transform}
            onTransform={setTransform}
            onNodeClick={onNodeClick}
            onNodeHover={(id, x, y) => setHover(id ? { id, x, y } : null)}
            command={command}
            selectedNodeId={view.selectedNodeId}
          />
        )}
        {graph && selected && (
          <NodeDetails graph={graph} node={selected} byId={byId} onOpen={openLocation} onFocus={setFocus} onClose={() => setView((v) => ({ ...v, selectedNodeId: null }))} />
        )}
      </div>
      {graph && hover && hovered && <NodeTooltip node={hovered} graph={graph} byId={byId} x={hover.x} y={hover.y} />}
    </main>
  );
}

function captionOf(shown: number, total: number): string {
  return shown === total ? `${total} channels.` : `The ${shown} busiest of ${total} channels.`;
}

function emptyModel() {
  return { flows: [], source: '', detail: 'function' as const, channelsShown: 0, channelsTotal: 0, nodes: new Map(), endpoints: 0 };
}
