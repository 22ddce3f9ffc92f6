// Host ↔ webview messages, declared once. The host validates every inbound message with
// `parseWebviewMessage`; the webview trusts the host (same extension, typed at compile time) but still
// narrows by `type`.
// zod/mini as a namespace import: esbuild tree-shakes `z.object`, `z.literal`… to what is used. The named
// `{ z }` export is one object holding all of zod (locales, JSON Schema, ~420 KB minified) that no bundler can shake.
import * as z from 'zod/mini';
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

/** One piece of evidence of a pre-answer, with where it is in the code. */
export interface DecisionEvidenceSnapshot {
  /** Markdown-ish text: inline `code` in backticks (names already made visible and capped by the core). */
  text: string;
  /** POSIX path relative to its root, and 1-based line, as shown next to the text. */
  file: string;
  line: number;
  location: LocationRef;
}

/** A question the index answered (src/core/decisions/preanswer), as the webview shows it. */
export interface PreAnswerSnapshot {
  next: string;
  reason: string;
  caveat?: string;
  evidence: DecisionEvidenceSnapshot[];
}

/** Pre-answers by tree id, then by question key. Empty before the first index result. */
export type DecisionsSnapshot = Record<string, Record<string, PreAnswerSnapshot>>;

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
  decisions: DecisionsSnapshot;
}

/** Host → webview. */
export type HostMessage =
  | { type: 'snapshot'; snapshot: WebviewSnapshot }
  | { type: 'navigate'; page: WebviewPage }
  | { type: 'graph'; graph: FlowGraphSnapshot | null }
  | { type: 'indexStatus'; status: IndexStatus }
  | { type: 'decisions'; decisions: DecisionsSnapshot };

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
  // The walk as the webview shows it (user path + pre-answers); the host re-resolves it against the tree
  // and its own pre-answers before writing anything.
  z.object({
    type: z.literal('saveDecisionRecord'),
    treeId: boundedString(100),
    path: z.array(boundedString(100)).check(z.maxLength(50)),
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
