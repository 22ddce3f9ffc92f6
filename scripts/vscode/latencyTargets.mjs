// The editor benchmark's targets (issue: first flows in under a second): click → populated Event Flows
// tree, median of N, per workspace; and the CLI's on the bench corpus (from `npm run bench --json`).

/** @param {string} workspace @returns {{ cold: number, warm: number | null }} */
export function editorTarget(workspace) {
  if (workspace === 'empty') return { cold: 300, warm: 300 };
  if (workspace === 'shop') return { cold: 500, warm: 500 };
  // the generated 2,000-file workspace and the real repositories
  return { cold: 2000, warm: 400 };
}

/** @param {{ workspace: string, coldMs: number, warmMs: number }[]} results */
export function editorRows(results) {
  return results.flatMap((r) => {
    const t = editorTarget(r.workspace);
    const rows = [{ name: `${r.workspace} cold`, goal: `≤ ${t.cold} ms`, actual: `${r.coldMs} ms`, pass: r.coldMs <= t.cold }];
    if (t.warm !== null) rows.push({ name: `${r.workspace} warm`, goal: `≤ ${t.warm} ms`, actual: `${r.warmMs} ms`, pass: r.warmMs <= t.warm });
    return rows;
  });
}

/** @param {{ name: string, goal: string, actual: string, pass: boolean }[]} rows */
export function formatTargets(rows) {
  const width = Math.max(...rows.map((r) => r.name.length), 10);
  return rows.map((r) => `  ${r.pass ? 'PASS' : 'FAIL'}  ${r.name.padEnd(width)}  ${r.actual.padEnd(10)} (goal ${r.goal})`).join('\n');
}
