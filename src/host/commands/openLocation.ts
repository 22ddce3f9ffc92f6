import * as vscode from 'vscode';
import { COMMANDS } from '../ids';
import type { Services } from '../services';

export interface OpenLocationArgs {
  uri: string;
  line: number;
  column: number;
}

/** Opens a detection's place in the editor; used by the Event Flows tree and the webview. */
export async function openLocation(args: OpenLocationArgs): Promise<void> {
  const uri = vscode.Uri.parse(args.uri, true);
  const position = new vscode.Position(Math.max(0, args.line - 1), Math.max(0, args.column - 1));
  await vscode.window.showTextDocument(uri, { selection: new vscode.Range(position, position), preview: true });
}

export function registerOpenLocation(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.openLocation, async (args: OpenLocationArgs) => {
    try {
      await openLocation(args);
    } catch (error) {
      services.logger.error(`Could not open ${args?.uri}`, error);
      void vscode.window.showWarningMessage(`Event Architect: could not open ${args?.uri ?? 'the location'}.`);
    }
  });
}
