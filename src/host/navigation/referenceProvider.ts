// Shift+F12 on a publish/subscribe/emit/handler lists both sides of its channel (every producer and every
// consumer, in every service). Elsewhere it returns nothing, so the language's own references stay as
// they are; VS Code merges both lists.
import type * as vscode from 'vscode';
import type { NavigationModel } from './navigationModel';

export class ChannelReferenceProvider implements vscode.ReferenceProvider {
  constructor(private readonly model: NavigationModel) {}

  provideReferences(document: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext): vscode.Location[] | undefined {
    const graph = this.model.current();
    const detection = graph && this.model.detectionAt(graph, document.uri, position, true);
    if (!graph || !detection || graph.flowsOf(detection).length === 0) return undefined;
    const sides = graph.counterparts(detection);
    return [...sides.producers, ...sides.consumers]
      .filter((d) => context.includeDeclaration || d.id !== detection.id)
      .flatMap((d) => this.model.locationOf(graph, d) ?? []);
  }
}
