import * as vscode from 'vscode';
import { containsGenerated, planFiles, validateParameter } from '../../core/scaffolds/plan';
import type { PlannedFile } from '../../core/scaffolds/plan';
import type { Scaffold, ScaffoldFile, ScaffoldOutput, ScaffoldVariant } from '../../core/scaffolds/types';
import type { Logger } from '../logger';

export interface WriteSummary {
  created: string[];
  overwritten: string[];
  unchanged: string[];
  skipped: string[];
  applied: boolean;
}

/** Asks for each parameter not already given, pre-filled with its default; undefined if cancelled. */
export async function askParameters(scaffold: Scaffold, given: Record<string, string> = {}): Promise<Record<string, string> | undefined> {
  const values: Record<string, string> = { ...given };
  for (const parameter of scaffold.parameters) {
    if (values[parameter.name] !== undefined) continue;
    const value = await vscode.window.showInputBox({
      title: `${scaffold.title}: ${parameter.label}`,
      value: parameter.default,
      prompt: `Press Enter to keep "${parameter.default}"`,
      validateInput: (v) => validateParameter(parameter, v),
    });
    if (value === undefined) return undefined;
    values[parameter.name] = value;
  }
  return values;
}

/** Inserts a single-file scaffold at the cursor as a snippet (tab stops), unless it is already there. */
export async function insertSnippet(editor: vscode.TextEditor, file: ScaffoldFile): Promise<WriteSummary> {
  const name = vscode.workspace.asRelativePath(editor.document.uri);
  if (containsGenerated(editor.document.getText(), file.content)) {
    void vscode.window.showInformationMessage(`Event Architect: this scaffold is already in ${name}.`);
    return { created: [], overwritten: [], unchanged: [name], skipped: [], applied: false };
  }
  const applied = await editor.insertSnippet(new vscode.SnippetString(file.snippet ?? file.content));
  return { created: [], overwritten: applied ? [name] : [], unchanged: [], skipped: [], applied };
}

async function readIfExists(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/**
 * Writes a multi-file scaffold as one workspace edit: VS Code's refactor preview lists the files before
 * anything is written (interactive), and the whole insertion undoes as one step. Identical files are
 * left alone; files with other content are overwritten only after a modal question.
 */
export async function writeScaffoldFiles(
  folder: vscode.Uri,
  scaffold: Scaffold,
  variant: ScaffoldVariant,
  output: ScaffoldOutput,
  interactive: boolean,
  logger: Logger,
): Promise<WriteSummary> {
  const existing = new Map<string, string | undefined>();
  for (const file of output.files) existing.set(file.path, await readIfExists(vscode.Uri.joinPath(folder, file.path)));
  const plan = planFiles(output.files, (p) => existing.get(p));
  const conflicts = plan.filter((p) => p.action === 'conflict');
  let overwrite = false;
  if (conflicts.length > 0 && interactive) {
    const answer = await vscode.window.showWarningMessage(
      `${conflicts.length} file(s) of "${scaffold.title}" already exist with other content.`,
      { modal: true, detail: conflicts.map((c) => c.file.path).join('\n') },
      'Overwrite',
      'Keep Existing',
    );
    if (answer === undefined) return { created: [], overwritten: [], unchanged: [], skipped: plan.map((p) => p.file.path), applied: false };
    overwrite = answer === 'Overwrite';
  }
  const toWrite = plan.filter((p) => p.action === 'create' || (p.action === 'conflict' && overwrite));
  const summary: WriteSummary = {
    created: toWrite.filter((p) => p.action === 'create').map((p) => p.file.path),
    overwritten: toWrite.filter((p) => p.action === 'conflict').map((p) => p.file.path),
    unchanged: plan.filter((p) => p.action === 'identical').map((p) => p.file.path),
    skipped: plan.filter((p) => p.action === 'conflict' && !overwrite).map((p) => p.file.path),
    applied: false,
  };
  if (toWrite.length === 0) {
    void vscode.window.showInformationMessage(`Event Architect: "${scaffold.title}" is already in place (${summary.unchanged.length} identical file(s)).`);
    return summary;
  }
  const edit = buildEdit(folder, scaffold, variant, toWrite, interactive);
  summary.applied = await vscode.workspace.applyEdit(edit, { isRefactoring: interactive });
  if (summary.applied) {
    logger.info(`Inserted scaffold ${scaffold.id}/${variant.id}: ${[...summary.created, ...summary.overwritten].join(', ')}`);
    if (interactive) void showNextSteps(folder, scaffold, output, toWrite);
  }
  return summary;
}

function buildEdit(folder: vscode.Uri, scaffold: Scaffold, variant: ScaffoldVariant, files: PlannedFile[], needsConfirmation: boolean): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  const encoder = new TextEncoder();
  const metadata: vscode.WorkspaceEditEntryMetadata = {
    label: `Insert scaffold: ${scaffold.title} (${variant.label})`,
    description: scaffold.description,
    needsConfirmation,
  };
  for (const { file, action } of files) {
    edit.createFile(vscode.Uri.joinPath(folder, file.path), { overwrite: action === 'conflict', contents: encoder.encode(file.content) }, metadata);
  }
  return edit;
}

async function showNextSteps(folder: vscode.Uri, scaffold: Scaffold, output: ScaffoldOutput, written: PlannedFile[]): Promise<void> {
  const first = written[0];
  if (first) await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, first.file.path), { preview: false });
  if (output.notes.length === 0) return;
  void vscode.window.showInformationMessage(`${scaffold.title}: ${output.notes.join(' ')}`);
}
