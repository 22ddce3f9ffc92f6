// The workspace on disk as a comparable value: every file with a hash of its bytes and every folder
// (an empty folder left behind by an undo counts). Used to prove an undo restores the tree exactly and to
// list what a fix created or changed.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface TreeSnapshot {
  /** POSIX relative path → sha256 of the content, or `dir` for a folder. */
  entries: Map<string, string>;
  /** One hash of the whole tree. */
  hash: string;
}

export function snapshotTree(root: string): TreeSnapshot {
  const entries = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const abs = path.join(dir, e.name);
      const rel = path.relative(root, abs).split(path.sep).join('/');
      if (e.isDirectory()) {
        entries.set(rel, 'dir');
        walk(abs);
      } else if (e.isFile()) entries.set(rel, createHash('sha256').update(fs.readFileSync(abs)).digest('hex'));
    }
  };
  walk(root);
  const all = createHash('sha256');
  for (const [k, v] of entries) all.update(`${k}\0${v}\n`);
  return { entries, hash: all.digest('hex').slice(0, 16) };
}

export interface TreeDiff {
  addedFiles: string[];
  removedFiles: string[];
  modifiedFiles: string[];
  addedDirs: string[];
  removedDirs: string[];
}

export function diffTrees(before: TreeSnapshot, after: TreeSnapshot): TreeDiff {
  const d: TreeDiff = { addedFiles: [], removedFiles: [], modifiedFiles: [], addedDirs: [], removedDirs: [] };
  for (const [k, v] of after.entries) {
    const old = before.entries.get(k);
    if (old === undefined) (v === 'dir' ? d.addedDirs : d.addedFiles).push(k);
    else if (old !== v) d.modifiedFiles.push(k);
  }
  for (const [k, v] of before.entries) if (!after.entries.has(k)) (v === 'dir' ? d.removedDirs : d.removedFiles).push(k);
  return d;
}

export function describeDiff(d: TreeDiff): string {
  const parts: string[] = [];
  if (d.addedFiles.length) parts.push(`added ${d.addedFiles.join(', ')}`);
  if (d.modifiedFiles.length) parts.push(`modified ${d.modifiedFiles.join(', ')}`);
  if (d.removedFiles.length) parts.push(`removed ${d.removedFiles.join(', ')}`);
  if (d.addedDirs.length) parts.push(`new folders ${d.addedDirs.join(', ')}`);
  if (d.removedDirs.length) parts.push(`removed folders ${d.removedDirs.join(', ')}`);
  return parts.join('; ') || 'no change';
}

/** Puts `root` back to `pristine` (a copy taken at the start): extra files and folders go, changed ones are rewritten. */
export function restoreTree(root: string, pristine: string): void {
  const want = snapshotTree(pristine);
  const have = snapshotTree(root);
  const d = diffTrees(want, have);
  for (const f of d.addedFiles) fs.rmSync(path.join(root, f), { force: true });
  for (const dir of d.addedDirs.sort().reverse()) fs.rmSync(path.join(root, dir), { recursive: true, force: true });
  for (const dir of d.removedDirs) fs.mkdirSync(path.join(root, dir), { recursive: true });
  for (const f of [...d.modifiedFiles, ...d.removedFiles]) fs.copyFileSync(path.join(pristine, f), path.join(root, f));
}
