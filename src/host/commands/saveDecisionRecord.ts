// "Save as decision record": the core writes the record's Markdown; here it gets a number after the
// records already in the workspace, is confirmed by the user, created through a WorkspaceEdit (so Undo
// removes it) and opened.
import * as vscode from 'vscode';
import {
  DEFAULT_RECORD_DIR,
  answeredPath,
  decisionRecord,
  getDecisionTree,
  nextRecordNumber,
  preAnswerTree,
  recordFileName,
} from '../../core/decisions';
import type { DecisionFacts } from '../../core/decisions';
import type { Logger } from '../logger';
import { ensureTrusted } from '../trust';

/** Folders adr-tools, MADR and log4brains use, in the order a workspace that has one is most likely to. */
const KNOWN_RECORD_DIRS = ['docs/adr', 'doc/adr', 'docs/decisions', 'docs/architecture/decisions'];

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** adr-tools' `.adr-dir` names the folder; else the first known folder that exists; else `docs/adr`. */
async function recordDirOf(folder: vscode.Uri): Promise<string> {
  try {
    const named = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, '.adr-dir'))).trim();
    // Only a relative folder inside the workspace: `.adr-dir` is workspace content, not trusted to point outside.
    if (named && !named.startsWith('/') && !named.split(/[\\/]/).includes('..')) return named.replace(/\\/g, '/').replace(/\/+$/, '');
  } catch {
    // no .adr-dir: look for a known folder
  }
  for (const dir of KNOWN_RECORD_DIRS) if (await exists(vscode.Uri.joinPath(folder, dir))) return dir;
  return DEFAULT_RECORD_DIR;
}

async function namesIn(dir: vscode.Uri): Promise<string[]> {
  try {
    return (await vscode.workspace.fs.readDirectory(dir)).filter(([, type]) => type === vscode.FileType.File).map(([name]) => name);
  } catch {
    return [];
  }
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export interface SaveRecordOptions {
  /** Skip the confirmation (tests of the written file; the webview button always confirms). */
  confirm?: boolean;
}

/** Returns the record's uri once written and opened, undefined when cancelled or impossible. */
export async function saveDecisionRecord(
  logger: Logger,
  facts: DecisionFacts | undefined,
  treeId: string,
  walk: readonly string[],
  options: SaveRecordOptions = {},
): Promise<vscode.Uri | undefined> {
  const tree = getDecisionTree(treeId);
  if (!tree) return undefined;
  const folder = pickFolder(facts);
  if (!folder) {
    void vscode.window.showWarningMessage('Event Architect: open a folder to save a decision record in.');
    return undefined;
  }
  // The host's own pre-answers, not the webview's copy: the record cites what the index says now.
  const pre = facts ? preAnswerTree(tree, facts) : {};
  const path = answeredPath(tree, walk, pre);
  const recordDir = await recordDirOf(folder.uri);
  const dirUri = vscode.Uri.joinPath(folder.uri, ...recordDir.split('/'));
  const record = decisionRecord({ tree, path, pre, date: today(), recordRoot: folder.uri.fsPath, recordDir });
  if (!record) {
    void vscode.window.showInformationMessage('Event Architect: answer the open question first; a decision record needs a recommendation.');
    return undefined;
  }
  const fileName = recordFileName(nextRecordNumber(await namesIn(dirUri)), record.title);
  const relative = `${recordDir}/${fileName}`;
  if (options.confirm !== false) {
    const choice = await vscode.window.showInformationMessage(
      `Save the decision record as ${relative}?`,
      { modal: true, detail: `“${record.title}”, with the answers and the evidence from the code.` },
      'Save',
    );
    if (choice !== 'Save') return undefined;
  }
  if (!(await ensureTrusted('Saving a decision record'))) return undefined;
  const uri = vscode.Uri.joinPath(dirUri, fileName);
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { contents: new TextEncoder().encode(record.markdown), ignoreIfExists: false, overwrite: false });
  if (!(await vscode.workspace.applyEdit(edit))) {
    logger.warn(`Could not create the decision record ${relative}`);
    void vscode.window.showErrorMessage(`Event Architect: could not create ${relative}.`);
    return undefined;
  }
  logger.info(`Saved the decision record ${relative}`);
  await vscode.window.showTextDocument(uri, { preview: false });
  return uri;
}

/** The folder that holds the analysed code (the first root), else the first open folder. */
function pickFolder(facts: DecisionFacts | undefined): vscode.WorkspaceFolder | undefined {
  const root = facts?.result.roots[0];
  const byRoot = root ? vscode.workspace.getWorkspaceFolder(vscode.Uri.file(root)) : undefined;
  return byRoot ?? vscode.workspace.workspaceFolders?.[0];
}
