// The flow graph of the latest index result, with the editor's coordinates: document URIs to analysis
// roots and POSIX paths, 0-based positions to the core's 1-based ones, detections to Locations.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AnalysisResult, Detection } from '../../core/analysis/types';
import { FlowGraph } from '../../core/navigation';

export interface NavigationIndex {
  readonly onDidChangeResult: vscode.Event<AnalysisResult>;
  readonly result: AnalysisResult | undefined;
  readonly started: boolean;
  whenReady(): Promise<AnalysisResult | undefined>;
}

export class NavigationModel implements vscode.Disposable {
  private graph: FlowGraph | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a new index result replaces the graph (lenses and symbols refresh on it). */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(readonly index: NavigationIndex) {
    this.subscription = index.onDidChangeResult(() => {
      this.graph = undefined;
      this.changed.fire();
    });
  }

  /** The graph of the current result, built on first use after each result. */
  current(): FlowGraph | undefined {
    const result = this.index.result;
    if (!result) return undefined;
    if (this.graph?.result !== result) this.graph = new FlowGraph(result);
    return this.graph;
  }

  /** Waits for the index (starting it when needed): commands the user ran explicitly may wait. */
  async ready(): Promise<FlowGraph | undefined> {
    if (!this.index.result) await this.index.whenReady();
    return this.current();
  }

  /** The analysis root index and root-relative POSIX path of a document, if the index covers it. */
  fileOf(uri: vscode.Uri, graph: FlowGraph): { root: number; file: string } | undefined {
    if (uri.scheme !== 'file') return undefined;
    const abs = uri.fsPath;
    let best: { root: number; file: string; length: number } | undefined;
    graph.result.roots.forEach((root, i) => {
      const rel = path.relative(root, abs);
      if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return;
      if (!best || root.length > best.length) best = { root: i, file: rel.split(path.sep).join('/'), length: root.length };
    });
    return best && { root: best.root, file: best.file };
  }

  /** The detection under the cursor (`strict`: its range must hold the position). */
  detectionAt(graph: FlowGraph, uri: vscode.Uri, position: vscode.Position, strict: boolean): Detection | undefined {
    const where = this.fileOf(uri, graph);
    if (!where) return undefined;
    const line = position.line + 1;
    const column = position.character + 1;
    return strict ? graph.under(where.root, where.file, line, column) : graph.at(where.root, where.file, line, column);
  }

  uriOf(graph: FlowGraph, d: Detection): vscode.Uri | undefined {
    const root = graph.result.roots[d.root];
    return root === undefined ? undefined : vscode.Uri.joinPath(vscode.Uri.file(root), ...d.file.split('/'));
  }

  rangeOf(d: Detection): vscode.Range {
    const start = new vscode.Position(Math.max(d.line - 1, 0), Math.max(d.column - 1, 0));
    const end = new vscode.Position(Math.max(d.endLine - 1, 0), Math.max(d.endColumn - 1, 0));
    return new vscode.Range(start, end.isBefore(start) ? start : end);
  }

  locationOf(graph: FlowGraph, d: Detection): vscode.Location | undefined {
    const uri = this.uriOf(graph, d);
    return uri && new vscode.Location(uri, this.rangeOf(d));
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
