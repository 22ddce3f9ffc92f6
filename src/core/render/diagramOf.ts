// The flow diagram of an analysis result, computed once per result object. The analysis worker renders it
// next to each result it sends (off the extension host's thread) and its client records it here; any other
// caller renders on first use. Either way an unchanged result is never summarised twice.
import type { AnalysisResult } from '../analysis/types';
import type { MermaidDiagram } from './mermaid';
import { renderFlowMermaid } from './mermaid';

const diagrams = new WeakMap<Pick<AnalysisResult, 'detections' | 'flows'>, MermaidDiagram>();

/** Records the diagram rendered elsewhere (the worker) for this result. */
export function rememberDiagram(result: Pick<AnalysisResult, 'detections' | 'flows'>, diagram: MermaidDiagram): void {
  diagrams.set(result, diagram);
}

/** The default flow diagram of `result`, rendered at most once per result object. */
export function flowDiagramOf(result: Pick<AnalysisResult, 'detections' | 'flows'>): MermaidDiagram {
  let diagram = diagrams.get(result);
  if (!diagram) {
    diagram = renderFlowMermaid(result);
    diagrams.set(result, diagram);
  }
  return diagram;
}
