// The findings under a Mermaid diagram as `%%` comment lines: Mermaid strips them before parsing, so the
// diagram renders unchanged, while a reader of the .mmd file (or a CI log) still sees what the rules found.
// Mermaid refuses text over 50,000 characters, comments included: lines are added only within that budget.
import type { Finding } from '../../core/rules/types';
import { mermaidComment } from '../../core/text/mermaid';
import { findingCounts } from './textFindings';

const MERMAID_MAX_TEXT = 50_000;
const SAFETY = 1_000;

export function appendFindingComments(diagram: string, findings: readonly Finding[]): string {
  if (findings.length === 0) return diagram;
  const header = `%% Event Architect findings: ${findingCounts(findings)}`;
  const lines = [header];
  let budget = MERMAID_MAX_TEXT - SAFETY - diagram.length - header.length;
  let shown = 0;
  for (const f of findings) {
    const line = `%% ${f.severity} ${f.ruleId} ${mermaidComment(`${f.file}:${f.line}`)} — ${mermaidComment(f.message)}`;
    if (line.length + 1 > budget) break;
    lines.push(line);
    budget -= line.length + 1;
    shown += 1;
  }
  if (shown < findings.length) lines.push(`%% … and ${findings.length - shown} more (--format json lists all)`);
  const base = diagram.endsWith('\n') ? diagram : `${diagram}\n`;
  return `${base}${lines.join('\n')}\n`;
}
