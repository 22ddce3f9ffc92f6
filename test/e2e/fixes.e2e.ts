// UI end to end: every quick fix the rules offer on examples/shop and every scaffold (with the variant
// the shop's stack selects), applied as a user does in a real VS Code (code-server) with the cursor
// somewhere unrelated, defaults accepted. For each, what the user ends up with:
//   (a) the file that was open is unchanged except for the intended edit
//   (b) new files are in the flagged service (modules under its src/, SQL in its migrations folder)
//   (c) `tsc --noEmit` on the service passes (`nginx -t` / `caddy validate` for proxy configs)
//   (d) the diagnostic that was fixed is gone after Re-index
//   (e) one undo restores the workspace exactly (hash of the tree, folders included)
//   (f) the index reports no error (after the edit and after the undo, without a re-index)
// The table of outcomes goes to test-results/e2e/fixes-table.md. Run with `npm run test:e2e -- fixes`.
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { changesOutside, intendedRegion, lineChanges } from './editRegion';
import { acceptDefaults, activeEditorPath, applyQuickFixFromHover, closeAllEditorsDiscarding, indexStatus, insertScaffoldByCommand, problemMessages, reindex, saveAll, undoOnce } from './fixActions';
import type { E2eCase } from './fixCases';
import { shopCases } from './fixCases';
import type { CheckResult } from './serviceChecks';
import { caddyCheck, nginxCheck, typecheckService } from './serviceChecks';
import { openFileAt, runCommandWhenReady, runnerEnv, waitForExtensionHost, waitForWorkbench } from './workbench';
import { describeDiff, diffTrees, restoreTree, snapshotTree } from './workspaceTree';
import type { TreeDiff } from './workspaceTree';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const resultsDir = process.env.EA_E2E_RESULTS ?? path.join(repoRoot, 'test-results', 'e2e');
const pictureDir = process.env.EA_UPDATE_SCREENSHOTS ? path.join(repoRoot, 'docs', 'images') : resultsDir;
const CELLS = ['a', 'b', 'c', 'd', 'e', 'f'] as const;
type Cell = (typeof CELLS)[number];
type Outcome = { ok: boolean | null; note: string };

const workspace = process.env.EA_WORKSPACE ?? '';

describe('quick fixes and scaffolds land right', { timeout: 1_500_000 }, async () => {
  const only = process.env.EA_E2E_CASES ? new RegExp(process.env.EA_E2E_CASES) : null;
  const cases = (workspace ? await shopCases(workspace) : []).filter((c) => !only || only.test(c.name));
  let browser: Browser;
  let page: Page;
  let pristine = '';
  const baseline = new Map<string, Promise<CheckResult>>();
  const table: { name: string; cells: Record<Cell, Outcome>; accepted: string[]; seconds: number }[] = [];
  let screenshotsTaken = false;

  before(async () => {
    assert.ok(workspace, 'EA_WORKSPACE is not set: run with `npm run test:e2e`');
    pristine = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ea-e2e-pristine-')), 'shop');
    fs.cpSync(workspace, pristine, { recursive: true });
    // Type errors the untouched shop already has here (packages this repository does not install) are
    // the baseline: a fix must not add any.
    for (const service of new Set(cases.map((c) => c.service).filter((s) => s !== ''))) baseline.set(service, typecheckService(pristine, path.join(pristine, service)));
    const env = runnerEnv();
    browser = await chromium.connect(env.browserWs);
    page = await browser.newPage({ viewport: { width: 1600, height: 1100 } });
    page.setDefaultTimeout(20_000);
    await page.goto(env.workbenchUrl);
    await waitForWorkbench(page);
    await waitForExtensionHost(page);
    // Earlier test files may have left panels or split groups in this window's restored layout.
    await runCommandWhenReady(page, 'View: Close All Editor Groups');
    const status = await reindex(page);
    assert.equal(status.state, 'ready', `the shop does not index: ${status.text}`);
  });

  after(async () => {
    fs.mkdirSync(resultsDir, { recursive: true });
    const mark = (o: Outcome): string => (o.ok === null ? `n/a${o.note ? ` (${o.note})` : ''}` : o.ok ? `pass${o.note ? ` (${o.note})` : ''}` : `**FAIL**: ${o.note}`);
    const lines = [
      '| fix / scaffold | (a) active file | (b) new files | (c) build | (d) diagnostic gone | (e) one undo | (f) index healthy |',
      '|---|---|---|---|---|---|---|',
      ...table.map((r) => `| ${r.name.replace(/\|/g, '\\|')} | ${CELLS.map((c) => mark(r.cells[c]).replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')} |`),
    ];
    fs.writeFileSync(path.join(resultsDir, 'fixes-table.md'), `${lines.join('\n')}\n`);
    fs.writeFileSync(path.join(resultsDir, 'fixes-accepted.txt'), table.map((r) => `${r.name} (${r.seconds} s)\n  ${r.accepted.join('\n  ')}`).join('\n'));
    console.log(lines.join('\n'));
    await browser?.close();
    if (pristine) fs.rmSync(path.dirname(pristine), { recursive: true, force: true });
  });

  it('covers every quick fix of the shop and every scaffold', () => {
    if (only) return;
    assert.ok(cases.some((c) => c.kind === 'fix' && c.ruleId === 'dual-write'), 'no dual-write quick fix is offered on the shop');
    assert.ok(cases.filter((c) => c.kind === 'scaffold').length >= 10);
  });

  for (const c of cases) {
    it(c.name, async () => {
      const started = Date.now();
      const cells = Object.fromEntries(CELLS.map((k) => [k, { ok: null, note: '' }])) as Record<Cell, Outcome>;
      const row = { name: c.name, cells, accepted: [] as string[], seconds: 0 };
      table.push(row);
      try {
        await runCase(c, cells, row.accepted);
      } finally {
        row.seconds = Math.round((Date.now() - started) / 100) / 10;
        await resetWorkspace();
      }
      const failed = CELLS.filter((k) => cells[k].ok === false).map((k) => `(${k}) ${cells[k].note}`);
      assert.deepEqual(failed, [], `${c.name}:\n  ${failed.join('\n  ')}`);
    });
  }

  async function runCase(c: E2eCase, cells: Record<Cell, Outcome>, accepted: string[]): Promise<void> {
    const set = (k: Cell, ok: boolean, note = ''): void => {
      cells[k] = { ok, note };
    };
    const t0 = Date.now();
    const lap = (what: string): void => {
      accepted.push(`${what} at ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      if (process.env.EA_E2E_TRACE) console.log(`    ${c.name.slice(0, 60)}: ${accepted.at(-1)}`);
    };
    const activeAbs = path.join(workspace, c.file);
    const before = snapshotTree(workspace);
    const activeBefore = fs.readFileSync(activeAbs, 'utf8');
    await openFileAt(page, c.file, c.cursorLine);
    const dualWriteShot = c.kind === 'fix' && c.ruleId === 'dual-write' && !screenshotsTaken && !/^Insert scaffold/i.test(c.fixTitle);
    if (c.kind === 'fix') {
      await applyQuickFixFromHover(page, c.line, c.fixTitle);
      if (dualWriteShot) await page.screenshot({ path: path.join(pictureDir, 'dual-write-fix-before.png') }).catch(() => undefined);
    } else await insertScaffoldByCommand(page, c.title);
    lap('applied');
    accepted.push(...(await acceptDefaults(page)));
    lap('defaults accepted');
    // Where the extension left the user: the editor an undo is pressed in.
    const shown = await activeEditorPath(page);
    const shownRel = shown && fs.existsSync(path.join(workspace, shown)) ? shown : c.file;
    accepted.push(`editor after applying: ${shownRel}`);
    await page.screenshot({ path: path.join(resultsDir, `${slug(c.name)}.png`) }).catch(() => undefined);
    await saveAll(page);
    const applied = snapshotTree(workspace);
    const diff = diffTrees(before, applied);
    accepted.push(`result: ${describeDiff(diff)}`);
    if (applied.hash === before.hash) {
      for (const k of CELLS) set(k, false, 'nothing was written');
      return;
    }

    // (f) after the edit, without a re-index: the index follows the edit and reports no error.
    await page.waitForTimeout(1000);
    const afterEdit = await indexStatus(page);
    const fNotes = [afterEdit.state === 'error' ? `after the edit: ${afterEdit.text}` : ''];

    // (a) the open file.
    const activeAfter = fs.existsSync(activeAbs) ? fs.readFileSync(activeAbs, 'utf8') : '';
    const inPlaceLine = c.kind === 'fix' ? c.line : c.inPlaceAt;
    if (inPlaceLine === undefined) {
      const changes = lineChanges(activeBefore, activeAfter);
      set('a', changes.length === 0, changes.length ? `a whole module's scaffold changed the open file at ${describeChanges(changes)}` : 'unchanged');
    } else {
      const outside = changesOutside(activeBefore, activeAfter, intendedRegion(c.file, activeBefore, inPlaceLine));
      set('a', outside.length === 0, outside.length ? `changed outside the flagged code and the imports at ${describeChanges(outside)} (cursor was on line ${c.cursorLine})` : activeAfter === activeBefore ? 'unchanged' : 'edit inside the flagged code');
    }

    // (b) where new files went.
    const misplaced = misplacedFiles(c, diff);
    set('b', misplaced.length === 0, misplaced.length ? misplaced.join('; ') : diff.addedFiles.length ? diff.addedFiles.join(', ') : 'no new file');

    // (c) the build: tsc on the service (no error beyond the untouched shop's), proxy configs checked.
    const checks: Promise<string | null>[] = [];
    const touched = [...diff.addedFiles, ...diff.modifiedFiles];
    if (c.service && touched.some((f) => /\.[cm]?[jt]sx?$/.test(f))) {
      const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ea-e2e-build-')), 'shop');
      fs.cpSync(workspace, copy, { recursive: true });
      checks.push(
        (async () => {
          try {
            const [now, base] = await Promise.all([typecheckService(copy, path.join(copy, c.service)), baseline.get(c.service) ?? Promise.resolve({ ok: true, output: '', errors: [] })]);
            const added = newErrors(base.errors ?? [], now.errors ?? []);
            return now.ok || added.length === 0 ? null : `tsc: ${added.length} new error(s): ${added.slice(0, 2).join(' | ')}`;
          } finally {
            fs.rmSync(path.dirname(copy), { recursive: true, force: true });
          }
        })(),
      );
    }
    for (const f of touched) {
      if (/(^|\/)nginx[^/]*\.conf$|\/nginx\/.*\.conf$/.test(f)) checks.push(nginxCheck(path.join(workspace, f)).then((r) => (r.ok ? null : `nginx -t ${f}: ${r.output}`)));
      else if (/Caddyfile|\.caddy(file)?$/.test(f)) checks.push(caddyCheck(path.join(workspace, f)).then((r) => (r.ok ? null : `caddy validate ${f}: ${r.output}`)));
    }
    // Runs while the UI steps below go on.
    const buildOutcome = Promise.all(checks);

    lap('checked (a) (b) (f)');
    // (d) the fixed diagnostic is gone after Re-index.
    if (c.kind === 'fix') {
      const status = await reindex(page);
      if (status.state === 'error') fNotes.push(`after re-index: ${status.text}`);
      const messages = await problemMessages(page);
      const still = c.messages.filter((msg) => messages.some((m) => m.includes(msg.replace(/\s+/g, ' '))));
      set('d', still.length === 0, still.length ? `still listed after re-index: ${still.map((m) => `"${m.slice(0, 80)}…"`).join(', ')}` : `gone (${c.messages.length} finding${c.messages.length > 1 ? 's' : ''})`);
      if (dualWriteShot) {
        await openFileAt(page, c.file, c.line);
        await page.screenshot({ path: path.join(pictureDir, 'dual-write-fix-after.png') }).catch(() => undefined);
        screenshotsTaken = true;
      }
    } else cells.d = { ok: null, note: 'no diagnostic' };

    lap('checked (d)');
    // (e) one undo restores the tree exactly.
    await openFileAt(page, fs.existsSync(path.join(workspace, shownRel)) ? shownRel : c.file, 1);
    accepted.push(`undo: ${await undoOnce(page)}`);
    await saveAll(page);
    await page.waitForTimeout(500);
    const undone = snapshotTree(workspace);
    const left = diffTrees(before, undone);
    set('e', undone.hash === before.hash, undone.hash === before.hash ? `tree ${before.hash}` : `after one undo: ${describeDiff(left)}`);

    await page.waitForTimeout(1000);
    const afterUndo = await indexStatus(page);
    if (afterUndo.state === 'error') fNotes.push(`after the undo: ${afterUndo.text}`);
    const fProblems = fNotes.filter(Boolean);
    set('f', fProblems.length === 0, fProblems.join('; ') || afterEdit.text);

    lap('checked (e) (f)');
    const build = (await buildOutcome).filter((x): x is string => x !== null);
    const ran = checks.length;
    if (ran === 0) cells.c = { ok: null, note: 'no code or proxy config written' };
    else set('c', build.length === 0, build.join('; ') || `${ran} check(s)`);
    lap('checked (c)');
  }

  /** Back to the pristine shop whatever the case left behind, with every editor closed. */
  async function resetWorkspace(): Promise<void> {
    await page.keyboard.press('Escape').catch(() => undefined);
    await closeAllEditorsDiscarding(page).catch(() => undefined);
    if (snapshotTree(workspace).hash !== snapshotTree(pristine).hash) {
      restoreTree(workspace, pristine);
      await reindex(page).catch(() => undefined);
    }
  }
});

function slug(name: string): string {
  return name.replace(/[^\w.-]+/g, '-').slice(0, 90);
}

function describeChanges(changes: ReturnType<typeof lineChanges>): string {
  return changes
    .slice(0, 3)
    .map((ch) => `line ${ch.oldStart} (${ch.oldCount ? `${ch.oldCount} line(s) replaced` : 'inserted'}${ch.newLines.length ? `: "${(ch.newLines.find((l) => l.trim()) ?? '').trim().slice(0, 50)}"` : ''})`)
    .join(', ');
}

/** New files outside where issue 8 puts them: the service's folder (src/ for modules, its migrations folder for SQL). */
function misplacedFiles(c: E2eCase, diff: TreeDiff): string[] {
  const out: string[] = [];
  const service = c.service;
  const within = (f: string, dir: string): boolean => dir === '' || f.startsWith(`${dir}/`);
  const hasMigrations = fs.existsSync(path.join(workspace, service, 'migrations'));
  for (const f of diff.addedFiles) {
    if (c.kind === 'scaffold' && c.inPlaceAt !== undefined) {
      out.push(`${f}: a proxy directive belongs in the open config's location block, not a new file`);
      continue;
    }
    if (!within(f, service) || (service === '' && c.file.includes('/'))) out.push(`${f} is outside the flagged service ${service || '(root)'}`);
    else if (/\.sql$/.test(f)) {
      const dir = path.posix.join(service, 'migrations');
      if (!f.startsWith(`${dir}/`)) out.push(`${f}: SQL belongs in ${dir}/`);
      else if (hasMigrations && !/\/\d{3,}_[\w.-]+\.sql$/.test(f)) out.push(`${f}: does not follow the folder's NNN_name.sql numbering`);
    } else if (/\.[cm]?[jt]sx?$/.test(f) && fs.existsSync(path.join(workspace, service, 'src')) && !within(f, path.posix.join(service, 'src'))) {
      out.push(`${f}: modules belong under ${service}/src/`);
    }
  }
  // A whole module (a scaffold that is not a proxy directive) is a new file, never text in an existing one.
  const moduleScaffold = (c.kind === 'scaffold' && c.inPlaceAt === undefined) || (c.kind === 'fix' && /^Insert scaffold/i.test(c.fixTitle) && c.ruleId !== 'sse-proxy-buffering');
  if (moduleScaffold && diff.addedFiles.length === 0) out.push(`no new file: the scaffold went into ${diff.modifiedFiles.join(', ') || 'nothing'}`);
  for (const f of diff.modifiedFiles) if (f !== c.file && !/package\.json$|schema\.prisma$/.test(f)) out.push(`${f} was changed too`);
  for (const f of diff.removedFiles) out.push(`${f} was deleted`);
  return out;
}

/** tsc errors in `now` that the baseline does not have (compared without positions). */
function newErrors(baseline: readonly string[], now: readonly string[]): string[] {
  const norm = (l: string): string => l.replace(/\(\d+,\d+\)/, '').trim();
  const base = new Set(baseline.map(norm));
  return now.filter((l) => !base.has(norm(l)));
}
