// Whether a path handed to "open location" really lies in an open folder. The path may come from a webview
// message or a command argument, so it is not trusted: `..` segments are resolved first, then symlinks
// (a link inside the folder may point anywhere), and the real path is compared with the folders' real
// paths (a folder opened through a symlink is still that folder). No `vscode` here, so it is unit-tested.
import { realpathSync } from 'node:fs';
import path from 'node:path';

function realOrUndefined(p: string): string | undefined {
  try {
    return realpathSync.native(p);
  } catch {
    return undefined;
  }
}

/** Case-insensitive file systems by default on Windows and macOS. */
const comparable = (p: string): string => (process.platform === 'win32' || process.platform === 'darwin' ? p.toLowerCase() : p);

function contains(root: string, target: string): boolean {
  const r = comparable(root);
  const t = comparable(target);
  return t === r || t.startsWith(r.endsWith(path.sep) ? r : `${r}${path.sep}`);
}

/**
 * The normalized path to open when `fsPath` resolves (through `..` and symlinks) to an existing file inside
 * one of `roots`; undefined otherwise (outside, missing, or a dangling or looping link).
 */
export function pathInsideRoots(fsPath: string, roots: readonly string[]): string | undefined {
  if (!path.isAbsolute(fsPath)) return undefined;
  const normalized = path.resolve(fsPath);
  const real = realOrUndefined(normalized);
  if (real === undefined) return undefined;
  for (const root of roots) {
    const realRoot = realOrUndefined(path.resolve(root));
    if (realRoot !== undefined && contains(realRoot, real)) return normalized;
  }
  return undefined;
}
