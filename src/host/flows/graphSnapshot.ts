import type * as vscode from 'vscode';
import type { AnalysisResult, Detection } from '../../core/analysis/types';
import { flowDiagramOf } from '../../core/render/diagramOf';
import type { DetectionSummary, FlowGraphSnapshot } from '../../protocol/messages';

/**
 * Only detections that take part in a flow travel to the webview; the rest stay in the host. The diagram
 * comes with the result from the analysis worker (rendered there, once); it is rendered here only when
 * the result did not come from the worker.
 */
export function toGraphSnapshot(result: AnalysisResult, locate: (d: Detection) => vscode.Uri | undefined): FlowGraphSnapshot {
  const used = new Set(result.flows.flatMap((f) => [...f.producers, ...f.consumers]));
  const detections: DetectionSummary[] = [];
  for (const d of result.detections) {
    if (!used.has(d.id)) continue;
    const uri = locate(d);
    if (!uri) continue;
    detections.push({
      id: d.id,
      kind: d.kind,
      library: d.library,
      channel: d.channel,
      service: d.service,
      file: d.file,
      line: d.line,
      enclosingFunction: d.enclosingFunction,
      location: { uri: uri.toString(), line: d.line, column: d.column },
    });
  }
  return {
    flows: result.flows.map((f) => ({ id: f.id, broker: f.broker, channel: f.channel, producers: f.producers, consumers: f.consumers })),
    detections,
    mermaid: flowDiagramOf(result).source,
  };
}
