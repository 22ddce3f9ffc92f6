// The findings under a Mermaid diagram as `%%` comment lines: Mermaid strips them before parsing, so the
// diagram renders unchanged, while a reader of the .mmd file (or a CI log) still sees what the rules found.
// Mermaid refuses text over 50,000 characters, comments included: lines are added only within that budget.
import type { Finding } from '../../core/rules/types';
import { findingCounts } from './textFindings';

const MERMAID_MAX_TEXT = 50_000;
const SAFETY = 1_000;
const MAX_MESSAGE = 240;

/** One line, no control characters, no `%%{` that Mermaid would read as a directive. */
function commentText(text: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/%%\{/g, '%% {');
  return flat.length > MAX_MESSAGE ? `${flat.slice(0, MAX_MESSAGE - 1)}…` : flat;
}

export function appendFindingComments(diagram: string, findings: readonly Finding[]): string {
  if (findings.length === 0) return diagram;
  const header = `%% Event Architect findings: ${findingCounts(findings)}`;
  const lines = [header];
  let budget = MERMAID_MAX_TEXT - SAFETY - diagram.length - header.length;
  let shown = 0;
  for (const f of findings) {
    const line = `%% ${f.severity} ${f.ruleId} ${commentText(`${f.file}:${f.line}`)} — ${commentText(f.message)}`;
    if (line.length + 1 > budget) break;
    lines.push(line);
    budget -= line.length + 1;
    shown += 1;
  }
  if (shown < findings.length) lines.push(`%% … and ${findings.length - shown} more (--format json lists all)`);
  const base = diagram.endsWith('\n') ? diagram : `${diagram}\n`;
  return `${base}${lines.join('\n')}\n`;
}
