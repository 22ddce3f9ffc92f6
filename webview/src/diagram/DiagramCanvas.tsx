// The pannable, zoomable drawing: wheel zooms about the pointer, dragging pans, the keyboard zooms (+, -),
// shows 1:1 (0), fits (f) and pans (arrows). A click that did not drag is a node click, found by the
// node's Mermaid id (`data-id`), never by its label. A minimap appears when the graph is larger than the view.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Transform } from './diagramState';
import type { Size } from './panZoom';
import { actualSize, centreOn, fitTransform, transformCss, zoomAt } from './panZoom';

interface Props {
  svg: string;
  transform: Transform | null;
  onTransform(t: Transform): void;
  onNodeClick(nodeId: string): void;
  onNodeHover(nodeId: string | null, x: number, y: number): void;
  /** Bumped by the toolbar's Fit / 1:1 buttons. */
  command: { name: 'fit' | 'actual' | 'in' | 'out'; seq: number } | null;
  selectedNodeId: string | null;
}

const DRAG_THRESHOLD = 4;
const MINIMAP_WIDTH = 180;

function naturalSize(svg: SVGSVGElement): Size {
  const box = svg.viewBox.baseVal;
  if (box && box.width > 0 && box.height > 0) return { width: box.width, height: box.height };
  const rect = svg.getBoundingClientRect();
  return { width: rect.width, height: rect.height };
}

/** Mermaid's DOM id of a flowchart node: `[<svg id>-]flowchart-<node id>-<counter>`; our ids are ASCII words. */
const DOM_ID = /(?:^|-)flowchart-([A-Za-z0-9_]+)-\d+$/;

/**
 * Marks every node with its diagram id (`data-id`). Mermaid sets it only on some shapes; the DOM id always
 * carries it, so clicks, hovers and selection all look nodes up by one attribute.
 */
export function markNodeIds(root: ParentNode): void {
  for (const el of root.querySelectorAll('g.node')) {
    if (el.getAttribute('data-id')) continue;
    const id = DOM_ID.exec(el.id)?.[1];
    if (id) el.setAttribute('data-id', id);
  }
}

function nodeIdAt(target: EventTarget | null): string | null {
  const el = target instanceof Element ? target.closest('g.node[data-id]') : null;
  return el?.getAttribute('data-id') ?? null;
}

export function DiagramCanvas({ svg, transform, onTransform, onNodeClick, onNodeHover, command, selectedNodeId }: Props) {
  const viewport = useRef<HTMLDivElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const [graphSize, setGraphSize] = useState<Size>({ width: 0, height: 0 });
  const [viewSize, setViewSize] = useState<Size>({ width: 0, height: 0 });
  const drag = useRef<{ startX: number; startY: number; origin: Transform; moved: boolean } | null>(null);
  const current = transform ?? { x: 0, y: 0, k: 1 };
  const latest = useRef(current);
  latest.current = current;

  // The SVG at its natural size; the stage's CSS transform does all zooming (crisp, no re-layout).
  useLayoutEffect(() => {
    const host = stage.current;
    if (!host) return;
    host.innerHTML = svg;
    markNodeIds(host);
    const el = host.querySelector('svg');
    if (!el) return;
    const size = naturalSize(el);
    el.style.width = `${size.width}px`;
    el.style.height = `${size.height}px`;
    el.style.maxWidth = 'none';
    setGraphSize(size);
  }, [svg]);

  useEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setViewSize({ width: el.clientWidth, height: el.clientHeight }));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // First drawing without a saved view: fit. A saved view (reload, index update) is kept as it was.
  useEffect(() => {
    if (!transform && graphSize.width > 0 && viewSize.width > 0) onTransform(fitTransform(graphSize, viewSize));
  }, [transform, graphSize, viewSize, onTransform]);

  useEffect(() => {
    if (!command || viewSize.width === 0) return;
    const t = latest.current;
    const centre = { x: viewSize.width / 2, y: viewSize.height / 2 };
    if (command.name === 'fit') onTransform(fitTransform(graphSize, viewSize));
    if (command.name === 'actual') onTransform(actualSize(t, viewSize));
    if (command.name === 'in') onTransform(zoomAt(t, 1.25, centre.x, centre.y));
    if (command.name === 'out') onTransform(zoomAt(t, 0.8, centre.x, centre.y));
    // only a new command acts, not a resize
  }, [command]);

  useEffect(() => {
    const host = stage.current;
    if (!host) return;
    for (const el of host.querySelectorAll('g.node.ea-selected')) el.classList.remove('ea-selected');
    if (selectedNodeId) host.querySelector(`g.node[data-id="${CSS.escape(selectedNodeId)}"]`)?.classList.add('ea-selected');
  }, [selectedNodeId, svg]);

  // Wheel listener is not passive, so the page itself never scrolls under the diagram.
  useEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const onWheel = (e: WheelEvent): void => {
      e.preventDefault();
      const rect = el.getBoundingClientRect();
      onTransform(zoomAt(latest.current, Math.exp(-e.deltaY * 0.0015), e.clientX - rect.left, e.clientY - rect.top));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [onTransform]);

  const onKeyDown = (e: React.KeyboardEvent): void => {
    const centre = { x: viewSize.width / 2, y: viewSize.height / 2 };
    const pan = (dx: number, dy: number) => onTransform({ ...current, x: current.x + dx, y: current.y + dy });
    const actions: Record<string, () => void> = {
      '+': () => onTransform(zoomAt(current, 1.25, centre.x, centre.y)),
      '=': () => onTransform(zoomAt(current, 1.25, centre.x, centre.y)),
      '-': () => onTransform(zoomAt(current, 0.8, centre.x, centre.y)),
      '0': () => onTransform(actualSize(current, viewSize)),
      f: () => onTransform(fitTransform(graphSize, viewSize)),
      ArrowLeft: () => pan(60, 0),
      ArrowRight: () => pan(-60, 0),
      ArrowUp: () => pan(0, 60),
      ArrowDown: () => pan(0, -60),
    };
    const action = actions[e.key];
    if (action && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      action();
    }
  };

  const minimapSrc = useMemo(() => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, [svg]);
  const miniScale = graphSize.width > 0 ? MINIMAP_WIDTH / graphSize.width : 0;
  const showMinimap = graphSize.width * current.k > viewSize.width * 1.05 || graphSize.height * current.k > viewSize.height * 1.05;
  const onMinimap = (e: React.PointerEvent<HTMLDivElement>): void => {
    if (e.type === 'pointermove' && e.buttons !== 1) return;
    const rect = e.currentTarget.getBoundingClientRect();
    onTransform(centreOn(current, (e.clientX - rect.left) / miniScale, (e.clientY - rect.top) / miniScale, viewSize));
  };

  return (
    <div
      ref={viewport}
      className="diagram-viewport"
      tabIndex={0}
      role="application"
      aria-label="Flow diagram. Drag or use the arrow keys to pan, the wheel or + and - to zoom, 0 for 1:1, f to fit."
      data-transform={`${current.x.toFixed(1)},${current.y.toFixed(1)},${current.k.toFixed(4)}`}
      onKeyDown={onKeyDown}
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        drag.current = { startX: e.clientX, startY: e.clientY, origin: current, moved: false };
      }}
      onPointerMove={(e) => {
        const d = drag.current;
        if (!d) {
          onNodeHover(nodeIdAt(e.target), e.clientX, e.clientY);
          return;
        }
        const dx = e.clientX - d.startX;
        const dy = e.clientY - d.startY;
        if (!d.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
        if (!d.moved) e.currentTarget.setPointerCapture(e.pointerId);
        d.moved = true;
        onTransform({ ...d.origin, x: d.origin.x + dx, y: d.origin.y + dy });
      }}
      onPointerUp={(e) => {
        const d = drag.current;
        drag.current = null;
        if (d && !d.moved) {
          const id = nodeIdAt(e.target);
          if (id) onNodeClick(id);
        }
      }}
      onPointerLeave={() => onNodeHover(null, 0, 0)}
    >
      <div ref={stage} className="diagram-stage" style={{ transform: transformCss(current) }} />
      {showMinimap && miniScale > 0 && (
        <div
          className="diagram-minimap"
          aria-label="Overview: click to move the view"
          style={{ width: MINIMAP_WIDTH, height: Math.min(240, graphSize.height * miniScale) }}
          onPointerDown={(e) => {
            e.stopPropagation();
            onMinimap(e);
          }}
          onPointerMove={(e) => {
            e.stopPropagation();
            onMinimap(e);
          }}
          onPointerUp={(e) => e.stopPropagation()}
        >
          <img alt="" src={minimapSrc} width={MINIMAP_WIDTH} draggable={false} />
          <div
            className="diagram-minimap-view"
            style={{
              left: (-current.x / current.k) * miniScale,
              top: (-current.y / current.k) * miniScale,
              width: (viewSize.width / current.k) * miniScale,
              height: (viewSize.height / current.k) * miniScale,
            }}
          />
        </div>
      )}
    </div>
  );
}
