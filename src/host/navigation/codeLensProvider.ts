// "3 consumers · 1 producer" above each publish, subscribe, emit and handler, or "no consumer in this
// workspace"; a click peeks at the other side. Lenses appear once the index has a result and follow it.
import * as vscode from 'vscode';
import { MESSAGE_KINDS, lensTitle } from '../../core/navigation';
import { COMMANDS, SETTINGS } from '../ids';
import type { NavigationModel } from './navigationModel';

export class ChannelCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly model: NavigationModel) {
    this.subscriptions = [
      model.onDidChange(() => this.changed.fire()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(SETTINGS.codeLens) && this.changed.fire()),
    ];
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.getConfiguration(undefined, document.uri).get<boolean>(SETTINGS.codeLens, true)) return [];
    const graph = this.model.current();
    const where = graph && this.model.fileOf(document.uri, graph);
    if (!graph || !where) return [];
    const lenses: vscode.CodeLens[] = [];
    const lines = new Set<number>();
    for (const d of graph.inFile(where.root, where.file)) {
      // Socket lifecycle events (`connection`, `close`) and unresolved channels stand in no flow; one
      // lens a line keeps `a.emit(x); b.emit(x)` readable.
      if (!MESSAGE_KINDS.has(d.kind) || d.channel === null || graph.flowsOf(d).length === 0 || lines.has(d.line)) continue;
      lines.add(d.line);
      const range = this.model.rangeOf(d);
      lenses.push(new vscode.CodeLens(new vscode.Range(range.start, range.start), { title: lensTitle(d, graph.counterparts(d)), command: COMMANDS.peekCounterparts, arguments: [d.id] }));
    }
    return lenses;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
