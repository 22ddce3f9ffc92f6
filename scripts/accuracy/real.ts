// `npm run accuracy:real`: grades the analyzer on the real-code corpus of test/realcode/. Each repository is
// materialized from its local git snapshot (EA_REALCODE_MIRROR, default `../.mirror` beside the
// repository), analyzed once as a whole by the CLI as a user would, and scored in its labelled folders.
// It reports and never gates: CI has no snapshots, and repositories without one are skipped with a message.
// Flags: --root DIR (grade the CLI built from another checkout), --json, --no-lists, [repo filter…].
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { inSubpaths, loadLabels, loadManifest } from './realcode/corpus';
import { buildCli, runCli } from './realcode/cli';
import { gradeRepo, sumCounts, type RepoGrade } from './realcode/grade';
import { materialize } from './realcode/materialize';
import { formatRepoLists, formatTable, formatTargets } from './realcode/report';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { root: { type: 'string' }, json: { type: 'boolean' }, 'no-lists': { type: 'boolean' } },
  });
  const corpusRoot = path.join(repoRoot, 'test', 'realcode');
  const mirrorRoot = path.resolve(repoRoot, process.env.EA_REALCODE_MIRROR ?? path.join('..', '.mirror'));
  const cacheRoot = path.join(repoRoot, '.cache', 'realcode');
  const sourceRoot = path.resolve(values.root ?? repoRoot);
  const log = (msg: string) => process.stderr.write(`[accuracy:real] ${msg}\n`);

  const manifest = loadManifest(corpusRoot);
  for (const e of manifest.errors) log(e);
  const entries = manifest.entries.filter((e) => positionals.length === 0 || positionals.some((f) => e.repo.includes(f)));
  if (entries.length === 0) {
    log('no repositories to grade');
    return manifest.errors.length > 0 ? 2 : 0;
  }
  log(`building the CLI of ${sourceRoot === repoRoot ? 'this checkout' : sourceRoot}`);
  const cli = await buildCli(sourceRoot, repoRoot);

  const grades: RepoGrade[] = [];
  const timings: Array<{ repo: string; ms: number; files: number }> = [];
  for (const entry of entries) {
    const { labels, errors } = loadLabels(corpusRoot, entry);
    for (const e of errors) log(`${entry.repo}: ${e}`);
    if (labels.length === 0) continue;
    const tree = materialize(mirrorRoot, cacheRoot, entry.repo, entry.commit);
    if (!tree.ok) {
      log(`${entry.repo}: skipped, ${tree.reason}`);
      continue;
    }
    const run = await runCli(cli, tree.dir);
    if (run.exitCode !== 0) log(`${entry.repo}: the CLI exited with ${run.exitCode}: ${run.stderr.slice(-1000)}`);
    const scoped = labels.filter((l) => inSubpaths(l.file, entry.subpaths));
    if (scoped.length < labels.length) log(`${entry.repo}: ${labels.length - scoped.length} labels outside the labelled folders ignored`);
    const detections = run.detections.filter((d) => inSubpaths(d.file, entry.subpaths));
    grades.push(gradeRepo(entry.repo, scoped, detections));
    timings.push({ repo: entry.repo, ms: run.wallMs, files: new Set(run.detections.map((d) => d.file)).size });
    log(`${entry.repo}: ${labels.length} labels, ${run.detections.length} detections, ${(run.wallMs / 1000).toFixed(1)} s`);
  }
  const { byKind, total } = sumCounts(grades);
  if (values.json) {
    console.log(JSON.stringify({ repos: grades.length, byKind: Object.fromEntries(byKind), total, timings, grades: grades.map((g) => ({ ...g, counts: Object.fromEntries(g.counts) })) }, null, 2));
    return 0;
  }
  if (!values['no-lists']) {
    const lists = grades.flatMap(formatRepoLists);
    if (lists.length > 0) console.log(`Per repository (FN missed, FP not labelled, CH wrong channel, TRAP hit):\n${lists.join('\n')}\n`);
  }
  console.log(`${grades.length} repositories graded\n`);
  console.log(formatTable(byKind, total));
  console.log(`\n${formatTargets(total, byKind.get('dual_write'))}`);
  const slowest = [...timings].sort((a, b) => b.ms - a.ms).slice(0, 3);
  console.log(`\nslowest CLI runs: ${slowest.map((t) => `${t.repo} ${(t.ms / 1000).toFixed(1)} s`).join(', ')}`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  },
);
