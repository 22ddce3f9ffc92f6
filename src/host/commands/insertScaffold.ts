import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Finding } from '../../core/rules/types';
import { planFix } from '../../core/fixes';
import { collectConfigFiles } from '../../core/rules';
import type { ChangeSet } from '../../core/placement/changes';
import { placeScaffold, serviceLayoutFor, type PlacementContext } from '../../core/placement/placeScaffold';
import { prefillParameters, relevantParameters } from '../../core/scaffolds/fit';
import { ScaffoldInputError } from '../../core/scaffolds/params';
import { getScaffold } from '../../core/scaffolds/registry';
import type { Scaffold, ScaffoldOutput, ScaffoldVariant } from '../../core/scaffolds/types';
import { COMMANDS } from '../ids';
import type { Services } from '../services';
import { applyChangeSet, editorFs, type ApplySummary } from '../scaffolds/changeSetEdit';
import { confirmParameters, indexedServices, pickScaffold, pickService, pickVariant } from '../scaffolds/scaffoldPicker';

/** Applies a finding's code fix (the lightbulb's first action); internal, not in the palette. */
export const APPLY_FIX_COMMAND = 'eventArchitect.applyFix';
import { ensureTrusted } from '../trust';

export interface InsertScaffoldOptions {
  /** Target folder (absolute path) chosen by the caller: files are placed as if it were the service. */
  folder?: string;
  /** The file the scaffold is for (a flagged file): decides the service. Default: the active editor's file. */
  anchor?: string;
  /** Parameter values (pre-filled from a finding); the user confirms them unless `interactive` is false. */
  params?: Record<string, string>;
  /** False: no questions (tests, callers that already confirmed). Webview requests are always interactive. */
  interactive?: boolean;
}

export interface InsertSummary extends ApplySummary {
  /** Identical output already in place (relative paths). */
  unchanged: string[];
  /** Kept for callers of the earlier summary shape: nothing is overwritten any more (names never clash). */
  overwritten: string[];
  skipped: string[];
}

/**
 * "Event Architect: Insert Scaffold…": pick a scaffold, a variant (the target service's libraries first),
 * confirm the pre-filled values, then every file goes where its kind belongs (see core/placement) in one
 * undoable edit. Nothing is ever inserted at the cursor of whatever editor is active.
 */
export function registerInsertScaffold(services: Services): vscode.Disposable {
  const insert = vscode.commands.registerCommand(COMMANDS.insertScaffold, async (scaffoldId?: unknown, variantId?: unknown, options?: InsertScaffoldOptions) => {
    if (!(await ensureTrusted('Inserting a scaffold'))) return undefined;
    const opts = options && typeof options === 'object' ? options : {};
    const interactive = opts.interactive ?? true;
    const result = services.index.result;
    const anchor = opts.anchor ?? activeWorkspaceFile();
    const anchorLibraries = anchor ? serviceLibraries(anchor) : new Set<string>();
    const scaffold = typeof scaffoldId === 'string' ? getScaffold(scaffoldId) : await pickScaffold(anchorLibraries);
    if (!scaffold) return undefined;
    const variant = typeof variantId === 'string' ? scaffold.variants.find((v) => v.id === variantId) : await pickVariant(scaffold, anchorLibraries.size > 0 ? anchorLibraries : allLibraries(result));
    if (!variant) return undefined;

    // The target: the caller's folder, else the anchor's service, else the service that fits the variant.
    let workspaceRoot: string | undefined;
    let anchorFile = anchor;
    if (opts.folder) {
      workspaceRoot = opts.folder;
      anchorFile = path.join(opts.folder, '__anchor__');
    } else if (anchor && (opts.anchor || anchorLibraries.size > 0 || fits(variant, anchorLibraries))) {
      // The open file's service, when it is one: that is where the user is working, even when it does not
      // use the variant's libraries yet (an idempotent consumer for the consumer they have open).
      workspaceRoot = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(anchor))?.uri.fsPath;
    } else {
      // No file says where (a decision-tree leaf, or an active file in a service the variant does not fit):
      // the service whose libraries fit the variant, asked when several could.
      const service = await pickService(indexedServices(result), variant, interactive);
      if (service) {
        anchorFile = path.join(service.root, 'package.json');
        workspaceRoot = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(service.root))?.uri.fsPath;
      }
    }
    workspaceRoot ??= vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    if (!workspaceRoot) {
      void vscode.window.showErrorMessage('Event Architect: open a folder to insert a scaffold into.');
      return undefined;
    }
    const ctx: PlacementContext = { fs: editorFs(), workspaceRoot, ...(anchorFile ? { anchorFile } : {}), proxyConfigs: await proxyConfigs(workspaceRoot), now: new Date() };
    const layout = serviceLayoutFor(ctx);
    const serviceName = result ? Object.entries(result.services).find(([, s]) => result.roots.some((r) => path.join(r, s.root) === layout.root))?.[0] : undefined;
    let params: Record<string, string> = { ...defaults(scaffold), ...prefillParameters(scaffold, result, serviceName), ...(opts.params ?? {}) };
    const base = opts.folder ?? layout.root;

    const plan = (values: Record<string, string>): ChangeSet => placeScaffold(scaffold, variant, generate(scaffold, variant, values), ctx);
    if (interactive) {
      const relevant = relevantParameters(scaffold, variant.id);
      const where = vscode.workspace.asRelativePath(layout.root) || layout.root;
      const confirmed = await confirmParameters(`${scaffold.title} (${variant.label})`, `into ${where}`, relevant, params, (values) => {
        try {
          return plan(values).changes.map((c) => `${c.kind === 'create' ? '+' : '~'} ${path.relative(layout.root, c.path).split(path.sep).join('/')}`);
        } catch (error) {
          return [error instanceof Error ? error.message : String(error)];
        }
      });
      if (!confirmed) return undefined;
      params = confirmed;
    }
    let set: ChangeSet;
    try {
      set = plan(params);
    } catch (error) {
      // A hostile or malformed value (or a reserved SQL word): say so, write nothing.
      const message = error instanceof Error ? error.message : String(error);
      services.logger.warn(`Scaffold ${scaffold.id}/${variant.id} refused its parameters: ${message}`);
      if (error instanceof ScaffoldInputError || interactive) void vscode.window.showErrorMessage(`Event Architect: ${message}`);
      return undefined;
    }
    const allGenerated = generate(scaffold, variant, params).files.length;
    if (set.changes.length === 0) {
      if (interactive) void vscode.window.showInformationMessage(`Event Architect: "${scaffold.title}" is already in place.`);
      return { created: [], edited: [], applied: false, unchanged: [`${allGenerated} file(s)`], overwritten: [], skipped: [] } satisfies InsertSummary;
    }
    const summary = await applyChangeSet(set, base, services.logger, { reveal: interactive });
    const unchanged = allGenerated > set.changes.length ? [`${allGenerated - set.changes.length} file(s) already in place`] : [];
    return { ...summary, unchanged, overwritten: [], skipped: [] } satisfies InsertSummary;
  });

  const applyFix = vscode.commands.registerCommand(APPLY_FIX_COMMAND, async (finding?: unknown) => {
    if (!isFinding(finding)) return undefined;
    if (!(await ensureTrusted('Applying a fix'))) return undefined;
    const result = services.index.result;
    if (!result) return undefined;
    const root = finding.root ?? result.roots[0] ?? '';
    const planned = planFix(finding, { fs: editorFs(), result, now: new Date(), proxyConfigs: await proxyConfigs(root) });
    if (!planned.ok) {
      void vscode.window.showWarningMessage(`Event Architect: ${planned.reason}`);
      return undefined;
    }
    return applyChangeSet(planned.set, root, services.logger, { reveal: true });
  });
  return vscode.Disposable.from(insert, applyFix);
}

/** The service uses a library the variant is made for (or the variant prefers none). */
function fits(variant: ScaffoldVariant, libraries: ReadonlySet<string>): boolean {
  const prefers = variant.prefers ?? [];
  return prefers.length === 0 || prefers.some((p) => libraries.has(p));
}

function isFinding(value: unknown): value is Finding {
  const f = value as Partial<Finding> | undefined;
  return !!f && typeof f.ruleId === 'string' && typeof f.file === 'string' && typeof f.line === 'number' && typeof f.column === 'number';
}

function generate(scaffold: Scaffold, variant: ScaffoldVariant, params: Record<string, string>): ScaffoldOutput {
  // Only declared parameters reach the scaffold: pre-filled extras of other scaffolds are dropped.
  const declared = Object.fromEntries(scaffold.parameters.map((p) => [p.name, params[p.name] ?? p.default]));
  return scaffold.generate(variant.id, declared);
}

function defaults(scaffold: Scaffold): Record<string, string> {
  return Object.fromEntries(scaffold.parameters.map((p) => [p.name, p.default]));
}

/** The active editor's file when it lies in an open folder (not an untitled or output editor). */
function activeWorkspaceFile(): string | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  return uri?.scheme === 'file' && vscode.workspace.getWorkspaceFolder(uri) ? uri.fsPath : undefined;
}

function serviceLibraries(file: string): Set<string> {
  const root = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file))?.uri.fsPath;
  if (!root) return new Set();
  return serviceLayoutFor({ fs: editorFs(), workspaceRoot: root, anchorFile: file, now: new Date() }).libraries;
}

function allLibraries(result: Services['index']['result']): Set<string> {
  return new Set(Object.values(result?.services ?? {}).flatMap((s) => s.libraries));
}

async function proxyConfigs(root: string): Promise<string[]> {
  if (!root) return [];
  try {
    const files = await collectConfigFiles([root]);
    return files.filter((f) => /\.conf$|Caddyfile|\.caddy$/.test(f.path)).map((f) => path.join(f.root, f.path));
  } catch {
    return [];
  }
}
