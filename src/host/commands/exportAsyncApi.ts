import * as vscode from 'vscode';
import { asyncApiYaml, buildAsyncApiDocument, optionsFromPackageJson } from '../../core/asyncapi';
import { collectConfigFiles } from '../../core/rules';
import { COMMANDS } from '../ids';
import type { Services } from '../services';

export const ASYNCAPI_FILE = 'asyncapi.yaml';

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/**
 * "Event Architect: Export AsyncAPI…": writes the workspace's event flows as an AsyncAPI 3.0 document to
 * `asyncapi.yaml` at the root of the first folder (the same document as `event-architect analyze --format
 * asyncapi`), asks before replacing a different file there, and opens it.
 */
export function registerExportAsyncApi(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.exportAsyncApi, async () => {
    const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
    if (!folder) {
      void vscode.window.showErrorMessage('Event Architect: open a folder to export its event flows as AsyncAPI.');
      return;
    }
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Event Architect: indexing for AsyncAPI' },
      () => services.index.whenReady(),
    );
    if (!result) {
      void vscode.window.showErrorMessage('Event Architect: the workspace could not be indexed; see Event Architect: Show Log.');
      return;
    }
    const configs = await collectConfigFiles(result.roots);
    const pkg = result.roots.length === 1 ? await readText(vscode.Uri.joinPath(folder.uri, 'package.json')) : undefined;
    const text = asyncApiYaml(buildAsyncApiDocument(result, configs, optionsFromPackageJson(pkg)));
    const target = vscode.Uri.joinPath(folder.uri, ASYNCAPI_FILE);
    const existing = await readText(target);
    if (existing !== undefined && existing !== text) {
      const overwrite = 'Overwrite';
      const answer = await vscode.window.showWarningMessage(`${ASYNCAPI_FILE} already exists in ${folder.name}. Overwrite it?`, { modal: true }, overwrite);
      if (answer !== overwrite) return;
    }
    if (existing !== text) await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    await vscode.window.showTextDocument(target, { preview: false });
    const channels = result.flows.length;
    services.logger.info(`Exported AsyncAPI: ${channels} channels to ${target.fsPath}`);
    void vscode.window.showInformationMessage(
      existing === text ? `Event Architect: ${ASYNCAPI_FILE} is up to date (${channels} channels).` : `Event Architect: wrote ${ASYNCAPI_FILE} with ${channels} channels.`,
    );
  });
}
