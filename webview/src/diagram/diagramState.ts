// What the user set up in the Flow Diagram panel (view transform, filters, focus, selected channel). It is
// kept with the webview's getState/setState, so it survives re-renders on each index update, hiding the
// panel and a window reload (the panel serializer restores the same state). Re-validated on restore.

export interface Transform {
  x: number;
  y: number;
  k: number;
}

export type Focus = { kind: 'channel'; flowId: string } | { kind: 'service'; service: string };

export interface DiagramFilters {
  /** Brokers whose channels are hidden. */
  hiddenBrokers: string[];
  /** One service, or '' for all. */
  service: string;
  /** One detection kind (e.g. `kafka.send`), or '' for all. */
  kind: string;
  text: string;
}

export interface DiagramViewState {
  version: 1;
  transform: Transform | null;
  filters: DiagramFilters;
  focus: Focus | null;
  selectedNodeId: string | null;
}

export const MIN_SCALE = 0.02;
export const MAX_SCALE = 8;

export const INITIAL_DIAGRAM_STATE: DiagramViewState = {
  version: 1,
  transform: null,
  filters: { hiddenBrokers: [], service: '', kind: '', text: '' },
  focus: null,
  selectedNodeId: null,
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const str = (value: unknown, max = 1000): string => (typeof value === 'string' ? value.slice(0, max) : '');
const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

export function clampScale(k: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, k));
}

function parseTransform(raw: unknown): Transform | null {
  if (!isRecord(raw) || !finite(raw.x) || !finite(raw.y) || !finite(raw.k) || raw.k <= 0) return null;
  return { x: raw.x, y: raw.y, k: clampScale(raw.k) };
}

function parseFocus(raw: unknown): Focus | null {
  if (!isRecord(raw)) return null;
  if (raw.kind === 'channel' && typeof raw.flowId === 'string' && raw.flowId) return { kind: 'channel', flowId: raw.flowId };
  if (raw.kind === 'service' && typeof raw.service === 'string' && raw.service) return { kind: 'service', service: raw.service };
  return null;
}

/** Whatever getState returned, as a usable state (field by field). */
export function parseDiagramState(raw: unknown): DiagramViewState {
  if (!isRecord(raw) || raw.version !== 1) return INITIAL_DIAGRAM_STATE;
  const f = isRecord(raw.filters) ? raw.filters : {};
  const hidden = Array.isArray(f.hiddenBrokers) ? f.hiddenBrokers.filter((b): b is string => typeof b === 'string').slice(0, 50) : [];
  return {
    version: 1,
    transform: parseTransform(raw.transform),
    filters: { hiddenBrokers: hidden, service: str(f.service), kind: str(f.kind, 100), text: str(f.text) },
    focus: parseFocus(raw.focus),
    selectedNodeId: typeof raw.selectedNodeId === 'string' && raw.selectedNodeId ? raw.selectedNodeId.slice(0, 300) : null,
  };
}
