import * as vscode from 'vscode';
import { COMMANDS } from '../ids';
import type { Services } from '../services';
import type { DiagramAction } from './flowDiagramPanel';
import { saveDiagramExport } from './saveExport';

/** What the Flow Diagram panel may ask for; locations go through the same workspace check as the sidebar. */
export async function handleDiagramAction(services: Services, message: DiagramAction): Promise<void> {
  switch (message.type) {
    case 'openLocation': {
      // The same check as the sidebar's: the webview is not trusted to name files outside the workspace.
      const uri = vscode.Uri.parse(message.location.uri, true);
      if (!vscode.workspace.getWorkspaceFolder(uri)) {
        services.logger.warn(`Refused to open a location outside the workspace: ${message.location.uri}`);
        return;
      }
      // Beside the panel, so the diagram stays in view while the code opens.
      await vscode.commands.executeCommand(COMMANDS.openLocation, { ...message.location, beside: true });
      return;
    }
    case 'reindex':
      await vscode.commands.executeCommand(COMMANDS.reindex);
      return;
    case 'copyMermaid':
      await vscode.env.clipboard.writeText(message.source);
      void vscode.window.setStatusBarMessage('Event Architect: Mermaid source copied', 3000);
      return;
    case 'export':
      await saveDiagramExport(message.format, message.data, services.logger);
      return;
    case 'log':
      if (message.level === 'warn') services.logger.warn(`Flow Diagram: ${message.message}`);
      else services.logger.info(`Flow Diagram: ${message.message}`);
      return;
  }
}
