// Root folders: checked before the analysis starts (exit 3 with a clear message instead of an empty
// report).
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export type RootCheck = { ok: true; roots: string[] } | { ok: false; message: string };

export function checkRoots(dirs: string[], cwd: string): RootCheck {
  const roots: string[] = [];
  for (const dir of dirs) {
    const abs = path.resolve(cwd, dir);
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return { ok: false, message: code === 'ENOENT' ? `"${dir}" does not exist` : `cannot read "${dir}" (${code ?? 'error'})` };
    }
    if (!isDir) return { ok: false, message: `"${dir}" is not a folder` };
    try {
      accessSync(abs, constants.R_OK | constants.X_OK);
      readdirSync(abs);
    } catch (error) {
      return { ok: false, message: `cannot read "${dir}" (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
    }
    if (!roots.includes(abs)) roots.push(abs);
  }
  return { ok: true, roots };
}
