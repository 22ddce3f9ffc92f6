import * as vscode from 'vscode';
import type { AnalysisResult } from '../../core/analysis/types';

/**
 * The npm packages the workspace uses: from the index when it has run (every service's package.json),
 * else from each folder's root package.json. Used to offer the matching scaffold variant first.
 */
export async function workspaceLibraries(result: AnalysisResult | undefined): Promise<Set<string>> {
  const libraries = new Set<string>();
  if (result) {
    for (const service of Object.values(result.services)) for (const lib of service.libraries) libraries.add(lib);
    if (libraries.size > 0) return libraries;
  }
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    try {
      const raw = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, 'package.json')));
      const manifest = JSON.parse(raw) as Record<string, unknown>;
      for (const key of ['dependencies', 'devDependencies', 'peerDependencies']) {
        const deps = manifest[key];
        if (deps && typeof deps === 'object') for (const name of Object.keys(deps)) libraries.add(name);
      }
    } catch {
      // No or unreadable package.json: nothing to prefer.
    }
  }
  return libraries;
}
