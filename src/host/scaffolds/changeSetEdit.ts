// A core change set applied as ONE workspace edit: new folders, new files and text edits together, so a
// single undo removes every created file and folder and restores edited files byte for byte. Entries
// need no confirmation: the user confirmed before (the parameter pick or the lightbulb), and a refactor
// preview with unchecked files would write nothing.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { minimalEdit, newFolders, type ChangeSet } from '../../core/placement/changes';
import { diskFs, type PlacementFs } from '../../core/placement/fs';
import type { Logger } from '../logger';

/** Open documents first (their unsaved text is what the user sees), the disk otherwise. */
export function editorFs(): PlacementFs {
  const disk = diskFs();
  return {
    read(absPath) {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === absPath);
      return open ? open.getText() : disk.read(absPath);
    },
    list: (absDir) => disk.list(absDir),
  };
}

export interface ApplySummary {
  /** Paths relative to `base` (the service or the folder the files went to). */
  created: string[];
  edited: string[];
  applied: boolean;
}

export function toWorkspaceEdit(set: ChangeSet): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  const metadata: vscode.WorkspaceEditEntryMetadata = { label: set.title, needsConfirmation: false };
  const encoder = new TextEncoder();
  for (const change of set.changes) {
    if (change.kind !== 'edit' || change.before === change.after) continue;
    const { start, end, text } = minimalEdit(change.before, change.after);
    edit.replace(vscode.Uri.file(change.path), new vscode.Range(positionAt(change.before, start), positionAt(change.before, end)), text, metadata);
  }
  for (const change of set.changes) {
    if (change.kind === 'create') edit.createFile(vscode.Uri.file(change.path), { contents: encoder.encode(change.content) }, metadata);
  }
  // Folders the files need are created with them; listing each outermost new folder AFTER the files (as a
  // folder entry, an option VS Code's bulk edit honours though the public type omits it) makes undo, which
  // replays the entries in order, delete the files first and then the folder with its emptied subfolders.
  const created = newFolders(set.changes, isDir);
  const outermost = created.filter((dir) => !created.includes(path.dirname(dir)));
  const folderOptions = { overwrite: false, folder: true, recursive: true };
  for (const dir of outermost) edit.createFile(vscode.Uri.file(dir), folderOptions, metadata);
  return edit;
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function positionAt(text: string, offset: number): vscode.Position {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return new vscode.Position(line, offset - lineStart);
}

/**
 * Applies the set, saves the documents it edited that had no unsaved changes before (so the build and
 * the index see the fix), reveals the focus and shows the notes.
 */
export async function applyChangeSet(set: ChangeSet, base: string, logger: Logger, options: { reveal: boolean }): Promise<ApplySummary> {
  const rel = (p: string): string => path.relative(base, p).split(path.sep).join('/');
  const created = set.changes.filter((c) => c.kind === 'create').map((c) => rel(c.path));
  const edited = set.changes.filter((c) => c.kind === 'edit' && c.before !== c.after).map((c) => rel(c.path));
  if (created.length === 0 && edited.length === 0) return { created, edited, applied: false };
  const edits = set.changes.filter((c) => c.kind === 'edit');
  const wasClean = new Set(
    edits.filter((c) => !vscode.workspace.textDocuments.some((d) => d.uri.fsPath === c.path && d.isDirty)).map((c) => c.path),
  );
  const applied = await vscode.workspace.applyEdit(toWorkspaceEdit(set));
  if (!applied) {
    logger.warn(`Event Architect: "${set.title}" was not applied (the editor refused the edit).`);
    return { created, edited, applied };
  }
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty && wasClean.has(doc.uri.fsPath)) await doc.save();
  }
  logger.info(`Applied "${set.title}": created ${created.join(', ') || 'nothing'}; edited ${edited.join(', ') || 'nothing'}`);
  if (options.reveal && set.focus) {
    const line = Math.max(set.focus.line - 1, 0);
    await vscode.window.showTextDocument(vscode.Uri.file(set.focus.path), { preview: false, selection: new vscode.Range(line, 0, line, 0) });
  }
  if (options.reveal && set.notes.length > 0) void vscode.window.showInformationMessage(`${set.title}: ${set.notes.join(' ')}`);
  return { created, edited, applied };
}
