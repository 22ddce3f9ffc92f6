// Queries across message boundaries, answered from the flow graph the analyzer already built: the flows
// list, per broker + channel, every producer and consumer that pairs with it (wildcards and AMQP bindings
// honoured by link/flows.ts). Nothing here matches channels again; it only reads those pairings.
import type { AnalysisResult, Detection, Flow } from '../analysis/types';

/** The two sides of the flows a detection takes part in (itself included on its own side). */
export interface Counterparts {
  producers: Detection[];
  consumers: Detection[];
  /** The flows the detection belongs to; more than one when a pattern pairs it with several channels. */
  flows: Flow[];
}

/** Which side a detection stands on in the flow graph; `none` for detections outside every flow. */
export type FlowSide = 'producer' | 'consumer' | 'none';

export class FlowGraph {
  private readonly byId = new Map<string, Detection>();
  private readonly byFile = new Map<string, Detection[]>();
  private readonly flowsById = new Map<string, Flow[]>();

  constructor(readonly result: AnalysisResult) {
    for (const d of result.detections) {
      this.byId.set(d.id, d);
      const key = fileKey(d.root, d.file);
      const list = this.byFile.get(key);
      if (list) list.push(d);
      else this.byFile.set(key, [d]);
    }
    for (const flow of result.flows) {
      for (const id of [...flow.producers, ...flow.consumers]) {
        const list = this.flowsById.get(id);
        if (list) {
          if (!list.includes(flow)) list.push(flow);
        } else this.flowsById.set(id, [flow]);
      }
    }
    for (const list of this.byFile.values()) list.sort((a, b) => a.line - b.line || a.column - b.column);
  }

  detection(id: string): Detection | undefined {
    return this.byId.get(id);
  }

  /** Detections of one file (root index + POSIX path relative to it), in source order. */
  inFile(root: number, file: string): readonly Detection[] {
    return this.byFile.get(fileKey(root, file)) ?? [];
  }

  /**
   * The detection under a 1-based position: among those whose range holds it, one that stands in a flow
   * (a publish also reported as a dual write is navigated as the publish), the innermost first; else (a
   * cursor at the start of a line or after the call) the first one starting on that line, same preference.
   */
  at(root: number, file: string, line: number, column: number): Detection | undefined {
    const inFile = this.inFile(root, file);
    const holding = inFile.filter((d) => contains(d, line, column));
    const candidates = holding.length > 0 ? holding : inFile.filter((d) => d.line === line);
    const rank = (d: Detection) => (this.flowsById.has(d.id) ? 0 : 1_000_000) + span(d);
    return candidates.reduce<Detection | undefined>((best, d) => (best === undefined || rank(d) < rank(best) ? d : best), undefined);
  }

  /** Only a detection whose range holds the position (hover and references must not guess). */
  under(root: number, file: string, line: number, column: number): Detection | undefined {
    const found = this.at(root, file, line, column);
    return found && contains(found, line, column) ? found : undefined;
  }

  flowsOf(d: Detection): readonly Flow[] {
    return this.flowsById.get(d.id) ?? [];
  }

  sideOf(d: Detection): FlowSide {
    const flows = this.flowsOf(d);
    if (flows.some((f) => f.producers.includes(d.id))) return 'producer';
    if (flows.some((f) => f.consumers.includes(d.id))) return 'consumer';
    return 'none';
  }

  /** Every producer and consumer of the detection's flows, each once, in file order. */
  counterparts(d: Detection): Counterparts {
    const flows = [...this.flowsOf(d)];
    const collect = (pick: (f: Flow) => string[]) => {
      const ids = new Set(flows.flatMap(pick));
      return [...ids].flatMap((id) => this.byId.get(id) ?? []).sort(byLocation);
    };
    return { producers: collect((f) => f.producers), consumers: collect((f) => f.consumers), flows };
  }

  /**
   * Channels the detection reaches under another name: the flow's channel differs from its own when a
   * wildcard paired them (`orders.*` ↔ `orders.created`) or an AMQP binding routed an exchange to a queue.
   */
  matchedVia(d: Detection): string[] {
    return this.flowsOf(d).map((f) => f.channel).filter((channel) => channel !== d.channel);
  }

  /** Every detection that stands in at least one flow, for channel symbols. */
  flowMembers(): { flow: Flow; detection: Detection; side: 'producer' | 'consumer' }[] {
    const out: { flow: Flow; detection: Detection; side: 'producer' | 'consumer' }[] = [];
    for (const flow of this.result.flows) {
      for (const [side, ids] of [['producer', flow.producers], ['consumer', flow.consumers]] as const) {
        for (const id of ids) {
          const detection = this.byId.get(id);
          if (detection) out.push({ flow, detection, side });
        }
      }
    }
    return out;
  }
}

function fileKey(root: number, file: string): string {
  return `${root}\u0000${file}`;
}

function contains(d: Detection, line: number, column: number): boolean {
  if (line < d.line || line > d.endLine) return false;
  if (line === d.line && column < d.column) return false;
  if (line === d.endLine && column > d.endColumn) return false;
  return true;
}

/** A rough size for "innermost": lines first, then columns. */
function span(d: Detection): number {
  return (d.endLine - d.line) * 10_000 + (d.endColumn - d.column);
}

export function byLocation(a: Detection, b: Detection): number {
  return a.root - b.root || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column;
}
