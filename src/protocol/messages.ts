// Host ↔ webview messages, declared once. The host validates every inbound message with
// `parseWebviewMessage`; the webview trusts the host (same extension, typed at compile time) but still
// narrows by `type`.
// zod/mini: the same validation as zod, tree-shaken to a few KB of the extension bundle.
import { z } from 'zod/mini';
import type { Principle, PrincipleId } from '../core/principles/types';
import { PRINCIPLE_IDS } from '../core/principles/types';

/** A location the webview may ask the host to open. `uri` is a string the host produced itself. */
export interface LocationRef {
  uri: string;
  line: number;
  column: number;
}

/** One detection as the webview needs it (no absolute paths beyond the host-made uri). */
export interface DetectionSummary {
  id: string;
  kind: string;
  library: string;
  channel: string | null;
  service: string;
  file: string;
  line: number;
  enclosingFunction: string | null;
  location: LocationRef;
}

export interface FlowSummary {
  id: string;
  broker: string;
  channel: string;
  /** Ids of `FlowGraphSnapshot.detections` (as in the core's Flow); the webview links each to its location. */
  producers: string[];
  consumers: string[];
}

export interface FlowGraphSnapshot {
  flows: FlowSummary[];
  detections: DetectionSummary[];
  /** Mermaid flowchart text produced by the core renderer (the same one the CLI uses). */
  mermaid: string;
}

export type IndexStatus =
  | { state: 'idle' }
  | { state: 'indexing'; done: number; total: number }
  | { state: 'ready'; files: number; detections: number; flows: number; durationMs: number }
  | { state: 'error'; message: string };

export type WebviewPage =
  | { kind: 'principle'; id: PrincipleId }
  | { kind: 'flows' }
  | { kind: 'decision'; treeId: string };

export interface WebviewSnapshot {
  principles: Principle[];
  page: WebviewPage;
  graph: FlowGraphSnapshot | null;
  index: IndexStatus;
}

/** Host → webview. */
export type HostMessage =
  | { type: 'snapshot'; snapshot: WebviewSnapshot }
  | { type: 'navigate'; page: WebviewPage }
  | { type: 'graph'; graph: FlowGraphSnapshot | null }
  | { type: 'indexStatus'; status: IndexStatus };

const principleId = z.enum(PRINCIPLE_IDS);
const boundedString = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const positiveInt = () => z.int().check(z.minimum(1));

const pageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('principle'), id: principleId }),
  z.object({ kind: z.literal('flows') }),
  z.object({ kind: z.literal('decision'), treeId: boundedString(100) }),
]);

const webviewMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('navigated'), page: pageSchema }),
  z.object({
    type: z.literal('openLocation'),
    location: z.object({ uri: boundedString(4096), line: positiveInt(), column: positiveInt() }),
  }),
  z.object({ type: z.literal('showPrinciple'), id: principleId }),
  z.object({ type: z.literal('reindex') }),
  /** The sidebar's "Open in Editor": the Flow Diagram as an editor panel. */
  z.object({ type: z.literal('openFlowDiagram') }),
  z.object({
    type: z.literal('insertScaffold'),
    scaffoldId: boundedString(100),
    variantId: z.optional(boundedString(100)),
  }),
]);

/** Webview → host. */
export type WebviewMessage = z.infer<typeof webviewMessageSchema>;

export type ParseResult = { ok: true; message: WebviewMessage } | { ok: false; error: string };

/** Validates an inbound message; never throws. */
export function parseWebviewMessage(raw: unknown): ParseResult {
  const result = webviewMessageSchema.safeParse(raw);
  if (result.success) return { ok: true, message: result.data };
  return { ok: false, error: result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') };
}
