// The little of a file system that placement needs: read a file, list a folder. The host adapts the
// editor's view of the workspace (open documents win over disk); the CLI and the tests use the disk.
import fs from 'node:fs';
import path from 'node:path';

export interface DirEntry {
  name: string;
  dir: boolean;
}

export interface PlacementFs {
  /** UTF-8 text of an absolute path, or undefined when it is not a readable file. */
  read(absPath: string): string | undefined;
  /** Entries of an absolute folder, or undefined when it is not a folder. */
  list(absDir: string): DirEntry[] | undefined;
}

/** Reads the disk; symlinked entries count as what they point to. */
export function diskFs(): PlacementFs {
  return {
    read(absPath) {
      try {
        return fs.statSync(absPath).isFile() ? fs.readFileSync(absPath, 'utf8') : undefined;
      } catch {
        return undefined;
      }
    },
    list(absDir) {
      try {
        return fs.readdirSync(absDir, { withFileTypes: true }).map((e) => ({
          name: e.name,
          dir: e.isDirectory() || (e.isSymbolicLink() && isDir(path.join(absDir, e.name))),
        }));
      } catch {
        return undefined;
      }
    },
  };
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Whether `absPath` exists as a file or a folder. */
export function exists(fsv: PlacementFs, absPath: string): boolean {
  return fsv.read(absPath) !== undefined || fsv.list(absPath) !== undefined;
}
