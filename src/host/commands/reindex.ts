import * as vscode from 'vscode';
import { COMMANDS } from '../ids';
import type { Services } from '../services';

/** "Event Architect: Re-index Workspace": drops the index session and indexes from scratch. */
export function registerReindex(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.reindex, () => services.index.reindex());
}
