// The arithmetic of the diagram canvas: zoom about a point, fit, 1:1. Pure, so it is tested without a DOM.
import type { Transform } from './diagramState';
import { clampScale } from './diagramState';

export interface Size {
  width: number;
  height: number;
}

/** Zooms by `factor` keeping the canvas point (px, py) under the pointer. */
export function zoomAt(t: Transform, factor: number, px: number, py: number): Transform {
  const k = clampScale(t.k * factor);
  const ratio = k / t.k;
  return { k, x: px - (px - t.x) * ratio, y: py - (py - t.y) * ratio };
}

/** The whole graph in view, centred, never enlarged past 1:1 (small graphs stay readable, not huge). */
export function fitTransform(graph: Size, viewport: Size, padding = 16): Transform {
  if (graph.width <= 0 || graph.height <= 0 || viewport.width <= 0 || viewport.height <= 0) return { x: 0, y: 0, k: 1 };
  const k = clampScale(Math.min(1, (viewport.width - 2 * padding) / graph.width, (viewport.height - 2 * padding) / graph.height));
  return { k, x: (viewport.width - graph.width * k) / 2, y: (viewport.height - graph.height * k) / 2 };
}

/** Natural size, keeping the point at the viewport's centre where it is. */
export function actualSize(t: Transform, viewport: Size): Transform {
  return zoomAt(t, 1 / t.k, viewport.width / 2, viewport.height / 2);
}

/** Centres the view on the graph point (gx, gy). */
export function centreOn(t: Transform, gx: number, gy: number, viewport: Size): Transform {
  return { k: t.k, x: viewport.width / 2 - gx * t.k, y: viewport.height / 2 - gy * t.k };
}

export function transformCss(t: Transform): string {
  return `translate(${t.x.toFixed(1)}px, ${t.y.toFixed(1)}px) scale(${t.k.toFixed(4)})`;
}
