// Draws the panel's diagram with a chain of fallbacks: the preferred layout, the other layout, then a
// tighter summary. Every failed attempt is reported (with the graph's size) to the host's log; when nothing
// can be drawn the caller gets a reason to show with a focus suggestion, never Mermaid's raw error.
import type { FlowGraphSnapshot } from '../../../src/protocol/messages';
import { ensureElkLayout } from '../mermaid/elkLayout';
import { renderMermaid } from '../mermaid/renderMermaid';
import type { MermaidThemeConfig } from '../mermaid/theme';
import type { DiagramModel } from './diagramModel';
import { buildDiagram } from './diagramModel';
import type { DiagramFilters, Focus } from './diagramState';

export type LayoutName = 'elk' | 'dagre';

export type DrawResult =
  | { ok: true; svg: string; layout: LayoutName; model: DiagramModel }
  | { ok: false; model: DiagramModel; attempts: number };

/** Edges of the last-resort summary: small enough for either layout on any graph. */
const LAST_RESORT_EDGES = 60;
/** Above this many nodes, or once services are collapsed, ELK reads better than dagre. */
const ELK_FROM_NODES = 40;

/** Mermaid front matter choosing the layout (and, for PNG export, plain SVG text instead of HTML labels). */
export function withConfig(source: string, layout: LayoutName, svgLabels = false): string {
  const lines = ['---', 'config:', `  layout: ${layout === 'elk' ? 'elk' : 'dagre'}`];
  if (svgLabels) lines.push('  htmlLabels: false', '  flowchart:', '    htmlLabels: false');
  lines.push('---');
  return `${lines.join('\n')}\n${source}`;
}

export function sizeOf(model: DiagramModel): string {
  return `${model.channelsShown}/${model.channelsTotal} channels, ${model.endpoints} producers and consumers, ${model.nodes.size} nodes, ${model.source.length} characters, ${model.detail} detail`;
}

export async function drawDiagram(
  graph: FlowGraphSnapshot,
  filters: DiagramFilters,
  focus: Focus | null,
  theme: MermaidThemeConfig,
  log: (message: string) => void,
): Promise<DrawResult> {
  const model = buildDiagram(graph, filters, focus);
  const elk = await ensureElkLayout();
  const preferElk = elk && (model.detail === 'service' || model.nodes.size > ELK_FROM_NODES);
  const layouts: LayoutName[] = preferElk ? ['elk', 'dagre'] : elk ? ['dagre', 'elk'] : ['dagre'];
  const plans: { model: DiagramModel; layout: LayoutName }[] = layouts.map((layout) => ({ model, layout }));
  let attempts = 0;
  let smaller: DiagramModel | undefined;
  for (let i = 0; i < plans.length; i++) {
    const plan = plans[i]!;
    attempts++;
    const result = await renderMermaid(withConfig(plan.model.source, plan.layout), theme);
    if (result.ok) return { ok: true, svg: result.svg, layout: plan.layout, model: plan.model };
    log(`the ${plan.layout} layout failed (${sizeOf(plan.model)}): ${result.error}`);
    if (i === plans.length - 1 && !smaller && model.channelsShown > 1) {
      smaller = buildDiagram(graph, filters, focus, { maxEdges: LAST_RESORT_EDGES });
      if (smaller.source !== model.source) plans.push({ model: smaller, layout: 'dagre' }, ...(elk ? [{ model: smaller, layout: 'elk' as const }] : []));
    }
  }
  return { ok: false, model, attempts };
}
