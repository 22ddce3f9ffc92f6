// The only module that touches Mermaid. It is loaded with a dynamic import on first use, so it is parsed
// only when the Flows page shows a diagram. Renders run one at a time (Mermaid keeps global state) and
// every failure comes back as a message, never as an exception.
import type { MermaidThemeConfig } from './theme';

export type MermaidResult = { ok: true; svg: string } | { ok: false; error: string };

type MermaidApi = (typeof import('mermaid'))['default'];

let loading: Promise<MermaidApi> | undefined;
let queue: Promise<unknown> = Promise.resolve();
let counter = 0;

function loadMermaid(): Promise<MermaidApi> {
  loading ??= import('mermaid').then((m) => m.default);
  // A failed load is retried next time instead of being cached forever.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

function messageOf(error: unknown): string {
  if (error instanceof Error && error.message.trim() !== '') return error.message;
  if (typeof error === 'string' && error.trim() !== '') return error;
  return 'Unknown error while drawing the diagram.';
}

async function renderNow(source: string, theme: MermaidThemeConfig): Promise<MermaidResult> {
  const id = `ea-mermaid-${++counter}`;
  try {
    const mermaid = await loadMermaid();
    mermaid.initialize({
      startOnLoad: false,
      // Strict: labels are sanitised and click handlers/scripts in the diagram text are ignored.
      securityLevel: 'strict',
      theme: theme.theme,
      ...(theme.themeVariables ? { themeVariables: theme.themeVariables } : {}),
      // Errors come back to us instead of Mermaid drawing its own "bomb" SVG into the page.
      suppressErrorRendering: true,
      // The core renderer summarises big graphs (≤ 250 edges), whose text can pass Mermaid's 50,000 default.
      maxTextSize: 200_000,
    });
    const { svg } = await mermaid.render(id, source);
    return { ok: true, svg };
  } catch (error) {
    return { ok: false, error: messageOf(error) };
  } finally {
    // Mermaid measures text in temporary nodes appended to <body>; a failed render can leave them behind.
    document.getElementById(id)?.remove();
    document.getElementById(`d${id}`)?.remove();
  }
}

export function renderMermaid(source: string, theme: MermaidThemeConfig): Promise<MermaidResult> {
  if (source.trim() === '') return Promise.resolve({ ok: false, error: 'The diagram is empty.' });
  const result = queue.then(() => renderNow(source, theme));
  queue = result;
  return result;
}
