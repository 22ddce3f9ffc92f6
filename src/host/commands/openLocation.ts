import * as vscode from 'vscode';
import { COMMANDS } from '../ids';
import type { Services } from '../services';
import { pathInsideRoots } from './insideWorkspace';

export interface OpenLocationArgs {
  uri: string;
  line: number;
  column: number;
  /** Open next to the active editor group (the Flow Diagram panel stays in view). */
  beside?: boolean;
}

/** Refused: the location is not a file whose real path lies in an open folder. */
export class OutsideWorkspaceError extends Error {
  constructor(uri: string) {
    super(`not a file in an open folder: ${uri}`);
    this.name = 'OutsideWorkspaceError';
  }
}

/**
 * Opens a detection's place in the editor; used by the Event Flows tree and the webview. The location is
 * checked first: after resolving `..` and symlinks it must lie in one of the workspace folders' real paths.
 */
export async function openLocation(args: OpenLocationArgs): Promise<void> {
  const uri = vscode.Uri.parse(String(args?.uri ?? ''), true);
  const roots = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  const inside = uri.scheme === 'file' ? pathInsideRoots(uri.fsPath, roots) : undefined;
  if (inside === undefined) throw new OutsideWorkspaceError(args?.uri ?? '');
  const line = Number.isFinite(args.line) ? args.line : 1;
  const column = Number.isFinite(args.column) ? args.column : 1;
  const position = new vscode.Position(Math.max(0, line - 1), Math.max(0, column - 1));
  await vscode.window.showTextDocument(vscode.Uri.file(inside), {
    selection: new vscode.Range(position, position),
    preview: true,
    ...(args.beside ? { viewColumn: vscode.ViewColumn.Beside } : {}),
  });
}

export function registerOpenLocation(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.openLocation, async (args: OpenLocationArgs) => {
    try {
      await openLocation(args);
    } catch (error) {
      if (error instanceof OutsideWorkspaceError) {
        services.logger.warn(`Refused to open a location outside the workspace: ${args?.uri}`);
        void vscode.window.showWarningMessage('Event Architect: that location is not a file in an open folder, so it was not opened.');
        return;
      }
      services.logger.error(`Could not open ${args?.uri}`, error);
      void vscode.window.showWarningMessage(`Event Architect: could not open ${args?.uri ?? 'the location'}.`);
    }
  });
}
