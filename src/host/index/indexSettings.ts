// The index settings (`eventArchitect.index.exclude`, `.maxFileSize`) are `scope: resource`: a folder of a
// multi-root workspace can set its own. They are read once without a resource (the window's value, which
// the analyzer falls back to) and once per folder with the folder's URI, so each root gets its own.
import type * as vscode from 'vscode';
import { SETTINGS } from '../ids';
import type { IndexSettings } from './indexBackend';

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

/** The part of `vscode.workspace.getConfiguration` the reader needs (a fake in unit tests). */
export type ConfigurationReader = (section: undefined, scope?: vscode.ConfigurationScope) => Pick<vscode.WorkspaceConfiguration, 'get'>;

/** The index settings of the window and of each folder, index-aligned with `folders` (the analyzer's roots). */
export function readIndexSettings(folders: readonly Pick<vscode.WorkspaceFolder, 'uri'>[], getConfiguration: ConfigurationReader): IndexSettings {
  const shared = readOne(getConfiguration(undefined));
  return { ...shared, perRoot: folders.map((f) => readOne(getConfiguration(undefined, f.uri))) };
}

/** Does a configuration change touch the index settings of the window or of any folder? */
export function affectsIndexSettings(e: Pick<vscode.ConfigurationChangeEvent, 'affectsConfiguration'>, folders: readonly Pick<vscode.WorkspaceFolder, 'uri'>[]): boolean {
  const sections = [SETTINGS.exclude, SETTINGS.maxFileSize];
  return sections.some((s) => e.affectsConfiguration(s) || folders.some((f) => e.affectsConfiguration(s, f.uri)));
}

function readOne(config: Pick<vscode.WorkspaceConfiguration, 'get'>): { exclude: string[]; maxFileBytes: number } {
  const exclude = config.get<unknown>(SETTINGS.exclude);
  const maxFileBytes = config.get<unknown>(SETTINGS.maxFileSize);
  return {
    exclude: Array.isArray(exclude) ? exclude.filter((e): e is string => typeof e === 'string') : [],
    maxFileBytes: typeof maxFileBytes === 'number' && maxFileBytes > 0 ? maxFileBytes : DEFAULT_MAX_FILE_BYTES,
  };
}
