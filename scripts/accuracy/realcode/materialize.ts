// Brings a corpus repository onto disk from its local git snapshot: a bare git directory at
// `<mirror>/<owner>+<name>/repo` (or `repo/.git` for snapshots that are clones with a work tree). The
// commit is extracted with `git archive` into `.cache/realcode/`, once; never committed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type Materialized = { ok: true; dir: string } | { ok: false; reason: string };

export function snapshotGitDir(mirrorRoot: string, repo: string): string | undefined {
  const base = path.join(mirrorRoot, repo.replace('/', '+'), 'repo');
  for (const candidate of [path.join(base, '.git'), base]) {
    if (existsSync(path.join(candidate, 'HEAD')) && existsSync(path.join(candidate, 'objects'))) return candidate;
  }
  return undefined;
}

export function materialize(mirrorRoot: string, cacheRoot: string, repo: string, commit: string): Materialized {
  const dir = path.join(cacheRoot, `${repo.replace('/', '__')}@${commit.slice(0, 12)}`);
  const done = path.join(dir, '.materialized');
  if (existsSync(done)) return { ok: true, dir };
  const gitDir = snapshotGitDir(mirrorRoot, repo);
  if (!gitDir) return { ok: false, reason: `no snapshot under ${path.join(mirrorRoot, repo.replace('/', '+'))}` };
  // Extracted beside the target and renamed into place, so two runs at once never see half a tree.
  const partial = `${dir}.part-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  try {
    const tar = path.join(partial, '.archive.tar');
    // Snapshots lack files of 4 MiB and more: those paths are left out of the archive (images, dumps).
    const excludes = missingBlobs(gitDir, commit).map((p) => `:(exclude,literal)${p}`);
    const pathspec = excludes.length > 0 ? ['--', '.', ...excludes] : [];
    execFileSync('git', ['--git-dir', gitDir, 'archive', '--format=tar', '-o', tar, commit, ...pathspec], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
    execFileSync('tar', ['-xf', tar, '-C', partial], { stdio: ['ignore', 'ignore', 'pipe'] });
    rmSync(tar);
    writeFileSync(path.join(partial, '.materialized'), `${repo} ${commit}\n`);
    if (existsSync(done)) rmSync(partial, { recursive: true, force: true });
    else {
      rmSync(dir, { recursive: true, force: true });
      renameSync(partial, dir);
    }
    return { ok: true, dir };
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    return { ok: false, reason: `git archive ${commit.slice(0, 12)} failed: ${stderr || (error as Error).message}` };
  }
}

/** Paths of the commit whose blobs the snapshot does not hold. */
function missingBlobs(gitDir: string, commit: string): string[] {
  const tree = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '-z', commit], { maxBuffer: 1 << 28 }).toString();
  const entries = tree.split('\0').filter(Boolean).map((line) => {
    const [meta = '', file = ''] = line.split('\t');
    const [, type, oid] = meta.split(' ');
    return { type, oid: oid ?? '', file };
  }).filter((e) => e.type === 'blob');
  if (entries.length === 0) return [];
  const checked = execFileSync('git', ['--git-dir', gitDir, 'cat-file', '--batch-check'], {
    input: entries.map((e) => e.oid).join('\n') + '\n',
    maxBuffer: 1 << 28,
  }).toString().split('\n');
  return entries.filter((_, i) => (checked[i] ?? '').endsWith(' missing')).map((e) => e.file);
}
