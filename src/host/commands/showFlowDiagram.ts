import * as vscode from 'vscode';
import { COMMANDS } from '../ids';
import type { Services } from '../services';

/** "Event Architect: Show Flow Diagram": makes sure the index runs, then shows the Mermaid diagram. */
export function registerShowFlowDiagram(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.showFlowDiagram, async () => {
    services.index.ensureStarted();
    await services.architecture.show({ kind: 'flows' });
  });
}

/** "Event Architect: Open Flow Diagram in Editor": the diagram as an editor panel, with the index started. */
export function registerOpenFlowDiagram(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.openFlowDiagram, () => {
    services.index.ensureStarted();
    services.flowDiagram.open();
  });
}
