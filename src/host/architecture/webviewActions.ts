import * as vscode from 'vscode';
import type { WebviewMessage } from '../../protocol/messages';
import { COMMANDS } from '../ids';
import type { Services } from '../services';
import { saveDecisionRecord } from '../commands/saveDecisionRecord';

type ActionMessage = Exclude<WebviewMessage, { type: 'ready' } | { type: 'navigated' }>;

/**
 * What the webview may ask for. Every request goes through a command, so the palette, the trees and
 * the webview share one code path. A location is opened only if it lies inside an open folder: the
 * webview is not trusted to name arbitrary files.
 */
export async function handleWebviewAction(services: Services, message: ActionMessage): Promise<void> {
  switch (message.type) {
    case 'openLocation': {
      const uri = vscode.Uri.parse(message.location.uri, true);
      if (!vscode.workspace.getWorkspaceFolder(uri)) {
        services.logger.warn(`Refused to open a location outside the workspace: ${message.location.uri}`);
        return;
      }
      await vscode.commands.executeCommand(COMMANDS.openLocation, message.location);
      return;
    }
    case 'showPrinciple':
      await vscode.commands.executeCommand(COMMANDS.showPrinciple, message.id);
      return;
    case 'reindex':
      await vscode.commands.executeCommand(COMMANDS.reindex);
      return;
    case 'openFlowDiagram':
      await vscode.commands.executeCommand(COMMANDS.openFlowDiagram);
      return;
    case 'insertScaffold':
      // Same dialogue as the palette command: confirmation of the values and placement by kind of content,
      // never an insertion into whatever editor happens to be active.
      await vscode.commands.executeCommand(COMMANDS.insertScaffold, message.scaffoldId, message.variantId, { interactive: true });
      return;
    case 'saveDecisionRecord':
      await saveDecisionRecord(services.logger, services.architecture.decisionFacts, message.treeId, message.path);
      return;
  }
}
