import * as vscode from 'vscode';
import { getPrinciple } from '../../core/principles';
import { rankVariants } from '../../core/scaffolds/plan';
import { SCAFFOLDS, getScaffold } from '../../core/scaffolds/registry';
import type { Scaffold, ScaffoldOutput, ScaffoldVariant } from '../../core/scaffolds/types';
import { COMMANDS } from '../ids';
import type { Services } from '../services';
import { askParameters, writeScaffoldFiles, insertSnippet } from '../scaffolds/scaffoldWriter';
import { workspaceLibraries } from '../scaffolds/workspaceLibraries';
import { ensureTrusted } from '../trust';

export interface InsertScaffoldOptions {
  /** Target folder (absolute path); default: asked, or the first workspace folder. */
  folder?: string;
  /** Parameter values; missing ones are asked for (or defaulted when `interactive` is false). */
  params?: Record<string, string>;
  /** Skip the refactor preview and prompts (tests, decision-tree buttons that already confirmed). */
  interactive?: boolean;
}

/**
 * "Event Architect: Insert Scaffold…": pick a scaffold (its principle beside it), a variant (the ones
 * matching the workspace's libraries first), then either insert a snippet with tab stops into the
 * active editor or write the files through a previewed, undoable workspace edit.
 */
export function registerInsertScaffold(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.insertScaffold, async (scaffoldId?: unknown, variantId?: unknown, options?: InsertScaffoldOptions) => {
    if (!(await ensureTrusted('Inserting a scaffold'))) return undefined;
    const scaffold = typeof scaffoldId === 'string' ? getScaffold(scaffoldId) : await pickScaffold();
    if (!scaffold) return undefined;
    const libraries = await workspaceLibraries(services.index.result);
    const variant = typeof variantId === 'string' ? scaffold.variants.find((v) => v.id === variantId) : await pickVariant(scaffold, libraries);
    if (!variant) return undefined;
    const interactive = options?.interactive ?? true;

    const editor = vscode.window.activeTextEditor;
    const single = scaffold.variants.length > 0 && scaffold.snippetPrefix !== undefined;
    if (interactive && single && editor && !options?.folder) {
      const output = scaffold.generate(variant.id, defaults(scaffold));
      const file = output.files[0];
      if (output.files.length === 1 && file?.snippet) return insertSnippet(editor, file);
    }
    const params = interactive ? await askParameters(scaffold, options?.params) : { ...defaults(scaffold), ...options?.params };
    if (!params) return undefined;
    const folder = options?.folder ? vscode.Uri.file(options.folder) : await pickFolder(interactive);
    if (!folder) return undefined;
    let output: ScaffoldOutput;
    try {
      output = scaffold.generate(variant.id, params);
    } catch (error) {
      // Parameter validation failed (a hostile or malformed value): say so, write nothing.
      const message = error instanceof Error ? error.message : String(error);
      services.logger.warn(`Scaffold ${scaffold.id}/${variant.id} refused its parameters: ${message}`);
      void vscode.window.showErrorMessage(`Event Architect: ${message}`);
      return undefined;
    }
    return writeScaffoldFiles(folder, scaffold, variant, output, interactive, services.logger);
  });
}

function defaults(scaffold: Scaffold): Record<string, string> {
  return Object.fromEntries(scaffold.parameters.map((p) => [p.name, p.default]));
}

async function pickScaffold(): Promise<Scaffold | undefined> {
  const picked = await vscode.window.showQuickPick(
    SCAFFOLDS.map((s) => ({ scaffold: s, label: s.title, description: getPrinciple(s.principle).title, detail: s.description })),
    { title: 'Event Architect: Insert Scaffold', placeHolder: 'Which scaffold? (the principle it implements is on the right)', matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.scaffold;
}

async function pickVariant(scaffold: Scaffold, libraries: ReadonlySet<string>): Promise<ScaffoldVariant | undefined> {
  const ranked = rankVariants(scaffold, libraries);
  if (ranked.length === 1) return ranked[0]?.variant;
  const picked = await vscode.window.showQuickPick(
    ranked.map(({ variant, matched }) => ({
      variant,
      label: variant.label,
      description: matched.length > 0 ? `$(check) uses ${matched.join(', ')}` : undefined,
      detail: `needs ${variant.dependencies.join(', ') || 'no packages'}`,
    })),
    { title: `${scaffold.title}: variant`, placeHolder: 'Variants that match the libraries of this workspace come first' },
  );
  return picked?.variant;
}

async function pickFolder(interactive: boolean): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!interactive || folders.length === 0) return folders[0]?.uri;
  const picked = await vscode.window.showOpenDialog({
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    defaultUri: folders[0]?.uri,
    openLabel: 'Insert scaffold here',
  });
  return picked?.[0];
}
