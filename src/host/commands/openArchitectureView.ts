import * as vscode from 'vscode';
import { COMMANDS } from '../ids';
import type { Services } from '../services';

/** "Event Architect: Open Architecture View": reveals the webview on the page it last showed. */
export function registerOpenArchitectureView(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.openArchitectureView, () => services.architecture.show(services.architecture.currentPage));
}
