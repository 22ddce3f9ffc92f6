// A change set: what a quick fix or a placed scaffold does to the workspace, as plain data. The host
// turns it into one WorkspaceEdit (one undo); the CLI and the tests apply it to a folder.
import fs from 'node:fs';
import path from 'node:path';

export type ChangeLanguage = 'typescript' | 'typescriptreact' | 'sql' | 'prisma' | 'nginx' | 'caddyfile' | 'json' | 'javascript';

export interface CreateChange {
  kind: 'create';
  /** Absolute POSIX-style path (the host's fsPath). */
  path: string;
  content: string;
  language: ChangeLanguage;
}

export interface EditChange {
  kind: 'edit';
  path: string;
  /** The whole text the change was computed against: applying refuses if the file moved on. */
  before: string;
  after: string;
}

export type Change = CreateChange | EditChange;

export interface ChangeSet {
  title: string;
  changes: Change[];
  /** Next steps for the user (run the migration, install a package). */
  notes: string[];
  /** Where to put the cursor afterwards (absolute path, 1-based line). */
  focus?: { path: string; line: number };
}

/** The smallest single replacement turning `before` into `after`: undo then restores the bytes exactly. */
export function minimalEdit(before: string, after: string): { start: number; end: number; text: string } {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, end: before.length - tail, text: after.slice(start, after.length - tail) };
}

/** Folders a change set would create (every missing ancestor of a new file), outermost first. */
export function newFolders(changes: readonly Change[], existsDir: (absDir: string) => boolean): string[] {
  const out = new Set<string>();
  for (const c of changes) {
    if (c.kind !== 'create') continue;
    const missing: string[] = [];
    for (let dir = path.dirname(c.path); dir !== path.dirname(dir) && !existsDir(dir); dir = path.dirname(dir)) missing.unshift(dir);
    for (const d of missing) out.add(d);
  }
  return [...out].sort((a, b) => a.length - b.length);
}

export class StaleChangeError extends Error {
  constructor(file: string) {
    super(`${file} changed since the fix was computed; nothing was written.`);
    this.name = 'StaleChangeError';
  }
}

/**
 * Applies a change set to the disk (CLI, tests): every edit is checked against its `before` text first,
 * so a stale change writes nothing. Creating a file that exists with the same text is a no-op.
 */
export function applyToDisk(set: ChangeSet): { created: string[]; edited: string[] } {
  for (const c of set.changes) {
    if (c.kind === 'edit' && read(c.path) !== c.before) throw new StaleChangeError(c.path);
    if (c.kind === 'create') {
      const current = read(c.path);
      if (current !== undefined && current !== c.content) throw new Error(`${c.path} already exists with other content.`);
    }
  }
  const created: string[] = [];
  const edited: string[] = [];
  for (const c of set.changes) {
    if (c.kind === 'create') {
      if (read(c.path) === c.content) continue;
      fs.mkdirSync(path.dirname(c.path), { recursive: true });
      fs.writeFileSync(c.path, c.content);
      created.push(c.path);
    } else if (c.before !== c.after) {
      fs.writeFileSync(c.path, c.after);
      edited.push(c.path);
    }
  }
  return { created, edited };
}

function read(p: string): string | undefined {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}
