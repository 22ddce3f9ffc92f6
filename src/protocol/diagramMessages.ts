// Messages between the host and the Flow Diagram editor panel. Like messages.ts: the host validates every
// inbound message here (zod/mini); the panel narrows what it receives by `type`.
// A namespace import, as in messages.ts: `import { z }` pulls the whole of zod (every locale) into the host's bundle.
import * as z from 'zod/mini';
import type { FlowGraphSnapshot, IndexStatus } from './messages';

/** Host → diagram panel. */
export type DiagramHostMessage =
  | { type: 'diagramGraph'; graph: FlowGraphSnapshot | null; index: IndexStatus }
  | { type: 'diagramIndexStatus'; status: IndexStatus };

export const DIAGRAM_HOST_TYPES: ReadonlySet<string> = new Set(['diagramGraph', 'diagramIndexStatus']);

export type DiagramExportFormat = 'svg' | 'png' | 'markdown';

const boundedString = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const positiveInt = () => z.int().check(z.minimum(1));

/** 40 MB of text: a PNG of a large graph at 2× as a data URL stays well under it. */
const MAX_EXPORT = 40_000_000;

const diagramMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({
    type: z.literal('openLocation'),
    location: z.object({ uri: boundedString(4096), line: positiveInt(), column: positiveInt() }),
  }),
  z.object({ type: z.literal('copyMermaid'), source: boundedString(MAX_EXPORT) }),
  /** svg/markdown: the file's text; png: a `data:image/png;base64,` URL. */
  z.object({ type: z.literal('export'), format: z.enum(['svg', 'png', 'markdown']), data: boundedString(MAX_EXPORT) }),
  /** A render that failed or fell back, with the graph's size, for the output channel. */
  z.object({ type: z.literal('log'), level: z.enum(['info', 'warn']), message: boundedString(4000) }),
  z.object({ type: z.literal('reindex') }),
]);

/** Diagram panel → host. */
export type DiagramWebviewMessage = z.infer<typeof diagramMessageSchema>;

export type DiagramParseResult = { ok: true; message: DiagramWebviewMessage } | { ok: false; error: string };

/** Validates an inbound message; never throws. */
export function parseDiagramMessage(raw: unknown): DiagramParseResult {
  const result = diagramMessageSchema.safeParse(raw);
  if (result.success) return { ok: true, message: result.data };
  return { ok: false, error: result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') };
}
