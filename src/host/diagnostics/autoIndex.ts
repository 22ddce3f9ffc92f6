// Diagnostics without opening the side bar: shortly after start-up (the extension activates on
// `onStartupFinished`, off the critical path), when one of the workspace's package.json files names a
// library the analyzer detects, the index starts; the rules' problems then show as files are opened.
// `eventArchitect.index.startAfterStartup: false` keeps the index lazy (side bar or command only).
import * as vscode from 'vscode';
import { detectedDependencies } from '../../core/analysis/detectedLibraries';
import { SETTINGS } from '../ids';
import type { Logger } from '../logger';

export interface AutoIndexTarget {
  readonly started: boolean;
  ensureStarted(): void;
}

/** A monorepo has dozens of package.json files; past this many, the first ones decide. */
const MAX_MANIFESTS = 200;
/** Leaves the rest of start-up (other extensions, restored editors) the first turn. */
const START_DELAY_MS = 500;

export function registerAutoIndex(deps: { index: AutoIndexTarget; logger: Logger }, store: { add<T extends vscode.Disposable>(d: T): T }): { readonly checked: Promise<boolean> } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let resolveChecked: (started: boolean) => void = () => {};
  const checked = new Promise<boolean>((resolve) => (resolveChecked = resolve));
  const check = async (): Promise<boolean> => {
    if (deps.index.started || !enabled()) return false;
    const hit = await firstDetectedLibrary();
    if (!hit || deps.index.started || !enabled()) return false;
    deps.logger.info(`Indexing after start-up: ${vscode.workspace.asRelativePath(hit.manifest)} depends on ${hit.library} (setting ${SETTINGS.indexOnStartup})`);
    deps.index.ensureStarted();
    return true;
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      check().then(resolveChecked, (error: unknown) => {
        deps.logger.error('Checking the workspace for event libraries failed', error);
        resolveChecked(false);
      });
    }, START_DELAY_MS);
  };
  schedule();
  store.add({ dispose: () => clearTimeout(timer) });
  store.add(vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(SETTINGS.indexOnStartup) && enabled() && schedule()));
  store.add(vscode.workspace.onDidChangeWorkspaceFolders(() => schedule()));
  return { checked };
}

function enabled(): boolean {
  return vscode.workspace.getConfiguration().get<boolean>(SETTINGS.indexOnStartup, true) !== false;
}

async function firstDetectedLibrary(): Promise<{ manifest: vscode.Uri; library: string } | undefined> {
  if (!vscode.workspace.workspaceFolders?.some((f) => f.uri.scheme === 'file')) return undefined;
  const manifests = await vscode.workspace.findFiles('**/package.json', '**/{node_modules,dist,build,out,.git}/**', MAX_MANIFESTS);
  // Shallow manifests first: the workspace's own packages before vendored or fixture ones.
  manifests.sort((a, b) => a.path.split('/').length - b.path.split('/').length || (a.path < b.path ? -1 : 1));
  for (const manifest of manifests) {
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(manifest));
    } catch {
      continue; // unreadable: the next one decides
    }
    const [library] = detectedDependencies(text);
    if (library) return { manifest, library };
  }
  return undefined;
}
