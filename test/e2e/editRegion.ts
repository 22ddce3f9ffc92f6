// "The file that was active is unchanged except for the intended edit": a line diff of the file before and
// after, and the region an edit for a finding may touch — the import header, and the flagged code's
// enclosing top-level statement (TypeScript) or `location` block (NGINX), including insertions right
// after it. Anything changed elsewhere (a module pasted at the cursor, a split line) is reported.
import ts from 'typescript';

export interface LineChange {
  /** 1-based line in the old text where the change starts (an insertion sits before this line). */
  oldStart: number;
  /** Old lines replaced (0 for a pure insertion). */
  oldCount: number;
  newLines: string[];
}

/** Line diff (longest common subsequence; the files are small). */
export function lineChanges(before: string, after: string): LineChange[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const out: LineChange[] = [];
  let i = 0;
  let j = 0;
  let cur: LineChange | null = null;
  const flush = (): void => {
    if (cur) out.push(cur);
    cur = null;
  };
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      flush();
      i++;
      j++;
    } else if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      cur ??= { oldStart: i + 1, oldCount: 0, newLines: [] };
      cur.newLines.push(b[j]!);
      j++;
    } else {
      cur ??= { oldStart: i + 1, oldCount: 0, newLines: [] };
      cur.oldCount++;
      i++;
    }
  }
  flush();
  return out;
}

export interface Region {
  startLine: number;
  endLine: number;
}

/** Lines an edit for the finding at `line` may touch (1-based, inclusive), besides the import header. */
export function intendedRegion(fileName: string, text: string, line: number): { header: Region; target: Region } {
  if (/\.conf$|nginx/i.test(fileName) && !/\.[cm]?[jt]sx?$/.test(fileName)) return { header: { startLine: 0, endLine: 0 }, target: nginxBlock(text, line) };
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, /x$/.test(fileName) ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const lineOf = (pos: number): number => sf.getLineAndCharacterOfPosition(pos).line + 1;
  let headerEnd = 0;
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) && !ts.isImportEqualsDeclaration(st)) break;
    headerEnd = lineOf(st.getEnd());
  }
  const index = sf.statements.findIndex((st) => lineOf(st.getStart(sf)) <= line && line <= lineOf(st.getEnd()));
  const target = sf.statements[index];
  const next = sf.statements[index + 1];
  return {
    header: { startLine: 1, endLine: headerEnd + 1 },
    // Insertions in the blank lines after the statement, before the next one, count as part of it (the
    // adapter wired right after the server it is for).
    target: target ? { startLine: lineOf(target.getStart(sf)), endLine: next ? lineOf(next.getStart(sf)) - 1 : lineOf(target.getEnd()) } : { startLine: line, endLine: line },
  };
}

function nginxBlock(text: string, line: number): Region {
  const lines = text.split('\n');
  const stack: number[] = [];
  let best: Region = { startLine: line, endLine: line };
  for (let i = 0; i < lines.length; i++) {
    const code = (lines[i] ?? '').replace(/#.*/, '');
    for (const ch of code) {
      if (ch === '{') stack.push(i + 1);
      else if (ch === '}') {
        const start = stack.pop();
        if (start !== undefined && start <= line && line <= i + 1 && /^\s*location\b/.test(lines[start - 1] ?? '')) {
          if (best.startLine === line && best.endLine === line) best = { startLine: start, endLine: i + 1 };
        }
      }
    }
  }
  return best;
}

/** Changes outside the header and the target region (an insertion directly after the region counts as inside). */
export function changesOutside(before: string, after: string, region: { header: Region; target: Region }): LineChange[] {
  const inside = (c: LineChange, r: Region): boolean => {
    if (r.endLine === 0) return false;
    const last = c.oldStart + Math.max(c.oldCount, 1) - 1;
    return c.oldStart >= r.startLine && (c.oldCount === 0 ? c.oldStart <= r.endLine + 1 : last <= r.endLine);
  };
  return lineChanges(before, after).filter((c) => !inside(c, region.header) && !inside(c, region.target));
}
