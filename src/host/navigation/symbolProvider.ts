// Go to Symbol in Workspace (`#orders.created`): every producer and consumer of a channel, named after
// the channel, with its broker, side and service as the container.
import * as vscode from 'vscode';
import { channelSymbols } from '../../core/navigation';
import type { NavigationModel } from './navigationModel';

/** Enough for any real workspace; VS Code ranks and trims the list further. */
const MAX_SYMBOLS = 500;

export class ChannelSymbolProvider implements vscode.WorkspaceSymbolProvider {
  constructor(private readonly model: NavigationModel) {}

  provideWorkspaceSymbols(query: string): vscode.SymbolInformation[] {
    const graph = this.model.current();
    if (!graph) return [];
    return channelSymbols(graph, query)
      .slice(0, MAX_SYMBOLS)
      .flatMap((s) => {
        const location = this.model.locationOf(graph, s.detection);
        return location ? [new vscode.SymbolInformation(s.name, vscode.SymbolKind.Event, s.container, location)] : [];
      });
  }
}
