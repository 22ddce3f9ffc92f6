// What the quick-fix end-to-end test applies: every quick fix the rules offer on examples/shop (computed by
// the same core the extension runs) and every scaffold of the registry through Insert Scaffold…, each
// with the file the user has open and a cursor line that has nothing to do with the edit.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { analyze } from '../../src/core/analysis/index';
import { FIX_TITLES, planFix } from '../../src/core/fixes/index';
import { diskFs } from '../../src/core/placement/fs';
import { collectConfigFiles, evaluateRules } from '../../src/core/rules/index';
import { SCAFFOLDS } from '../../src/core/scaffolds/registry';

export interface FixCase {
  kind: 'fix';
  name: string;
  ruleId: string;
  /** POSIX path of the flagged file, relative to the workspace. */
  file: string;
  line: number;
  message: string;
  /** Every finding this same action is offered for (one code fix can cover several publishes). */
  messages: string[];
  fixTitle: string;
  /** Folder of the nearest package.json of the flagged file (workspace-relative, '' for the root). */
  service: string;
  cursorLine: number;
}

export interface ScaffoldCase {
  kind: 'scaffold';
  name: string;
  scaffoldId: string;
  title: string;
  file: string;
  service: string;
  cursorLine: number;
  /** Snippet-sized scaffolds whose place is computed from the open file (a proxy directive in its location). */
  inPlaceAt?: number;
}

export type E2eCase = FixCase | ScaffoldCase;

/** The file of the shop where a user inserts each scaffold (others: the orders routes, the case). */
const SCAFFOLD_FILES: Record<string, { file: string; inPlaceAt?: number }> = {
  'idempotent-consumer': { file: 'services/notifications/src/index.ts' },
  'sse-query-invalidation': { file: 'apps/web/src/realtime/useNotifications.ts' },
  'sse-reverse-proxy': { file: 'infra/nginx.conf', inPlaceAt: 33 },
  'socketio-redis-adapter': { file: 'services/chat/src/index.ts' },
  'ws-redis-fanout': { file: 'services/live-prices/src/index.ts' },
  'optimistic-mutation': { file: 'apps/web/src/hooks/useOrders.ts' },
  'trpc-sse-subscription': { file: 'services/notifications/src/index.ts' },
};
const DEFAULT_FILE = 'services/orders/src/routes.ts';

export async function shopCases(shop: string): Promise<E2eCase[]> {
  const result = await analyze([shop]);
  const configs = await collectConfigFiles(result.roots);
  const findings = evaluateRules(result, (rel, root) => readOrUndefined(path.join(root, rel)), configs);
  const cases: E2eCase[] = [];
  for (const f of findings) {
    // The code fix the lightbulb offers first (the title it plans with); a rule that has one must offer it.
    // When it applies it replaces the scaffold insertions (which add files but leave the finding).
    const codeFixTitle = FIX_TITLES[f.ruleId];
    const titles: string[] = [];
    const planned = codeFixTitle ? planFix(f, { fs: diskFs(), result, now: new Date() }) : undefined;
    if (codeFixTitle) titles.push(planned?.ok ? planned.set.title : codeFixTitle);
    if (!planned?.ok) titles.push(...f.fixes.map((x) => x.title));
    titles.forEach((title) => {
      const fix = { title };
      // The same action on the same file (the handler's code fix offered on each of its publishes, or the
      // same scaffold for two handlers) is applied once; its case checks every finding it is offered for.
      const same = cases.find((c): c is FixCase => c.kind === 'fix' && c.file === f.file && c.fixTitle === title);
      if (same) {
        same.messages.push(f.message);
        return;
      }
      cases.push({
        kind: 'fix',
        name: `${f.ruleId} ${f.file}:${f.line} → ${fix.title}`,
        ruleId: f.ruleId,
        file: f.file,
        line: f.line,
        message: f.message,
        messages: [f.message],
        fixTitle: fix.title,
        service: serviceOf(shop, f.file),
        cursorLine: unrelatedLine(shop, f.file, f.line),
      });
    });
  }
  for (const s of SCAFFOLDS) {
    const where = SCAFFOLD_FILES[s.id] ?? { file: DEFAULT_FILE };
    cases.push({
      kind: 'scaffold',
      name: `Insert Scaffold… ${s.title} (with ${where.file} open)`,
      scaffoldId: s.id,
      title: s.title,
      file: where.file,
      service: serviceOf(shop, where.file),
      cursorLine: unrelatedLine(shop, where.file, where.inPlaceAt ?? 0),
      ...(where.inPlaceAt ? { inPlaceAt: where.inPlaceAt } : {}),
    });
  }
  return cases;
}

function readOrUndefined(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Nearest folder with a package.json, workspace-relative. */
export function serviceOf(shop: string, file: string): string {
  let dir = path.posix.dirname(file);
  while (dir !== '.' && dir !== '') {
    if (fs.existsSync(path.join(shop, dir, 'package.json'))) return dir;
    dir = path.posix.dirname(dir);
  }
  return '';
}

/**
 * A line inside code the edit has no business with: the middle of the largest top-level statement (a
 * function body: where a module pasted at the cursor does the most damage) that does not hold `avoid`.
 */
function unrelatedLine(shop: string, file: string, avoid: number): number {
  const text = fs.readFileSync(path.join(shop, file), 'utf8');
  if (!/\.[cm]?[jt]sx?$/.test(file)) {
    // A config: a line of another block than the flagged one.
    const lines = text.split('\n');
    const candidates = lines.map((l, i) => ({ l, n: i + 1 })).filter(({ l, n }) => /;\s*$/.test(l) && Math.abs(n - avoid) > 8);
    return candidates[Math.floor(candidates.length / 2)]?.n ?? 1;
  }
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, /x$/.test(file) ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const lineOf = (pos: number): number => sf.getLineAndCharacterOfPosition(pos).line + 1;
  let best: { start: number; end: number } | undefined;
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st)) continue;
    const start = lineOf(st.getStart(sf));
    const end = lineOf(st.getEnd());
    if (start <= avoid && avoid <= end) continue;
    if (!best || end - start > best.end - best.start) best = { start, end };
  }
  // Only the flagged statement: the last line of the file, past it.
  return best ? Math.floor((best.start + best.end) / 2) : text.split('\n').length;
}
