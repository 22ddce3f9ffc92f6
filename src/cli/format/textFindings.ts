// The text report's "Findings" section (printed first: it is what a reader acts on) and the findings part
// of the summary line. Each finding: severity icon and word, file:line, rule, the message, the principle
// it applies, and the scaffold(s) that fix it — ids the VS Code extension's Insert Scaffold command takes.
import path from 'node:path';
import { PRINCIPLES } from '../../core/principles';
import type { Finding, FindingFix, FindingSeverity } from '../../core/rules/types';
import type { RuleError } from '../findings';
import { rootIndexOf, severityCounts } from '../findings';
import type { Style } from './style';
import { terminalMessage, terminalText } from '../../core/text/terminal';

const ICON: Record<FindingSeverity, string> = { warning: '⚠', information: 'ℹ', hint: '·' };
export const INSERT_SCAFFOLD_COMMAND = 'Event Architect: Insert Scaffold…';

const int = (n: number): string => n.toLocaleString('en-US');

function severityText(severity: FindingSeverity, style: Style): string {
  const text = `${ICON[severity]} ${severity}`;
  return severity === 'warning' ? style.yellow(style.bold(text)) : severity === 'information' ? style.cyan(text) : style.dim(text);
}

function principleTitle(id: string): string {
  return PRINCIPLES.find((p) => p.id === id)?.title ?? id;
}

function fixText(fix: FindingFix): string {
  return fix.variantId === undefined ? fix.scaffoldId : `${fix.scaffoldId} (${fix.variantId})`;
}

/** `file:line`, prefixed with the root's folder name when several roots were analysed. */
function where(file: string, line: number, root: string | undefined, roots: readonly string[]): string {
  const prefix = roots.length > 1 ? `${path.basename(roots[rootIndexOf(roots, root)] ?? '')}/` : '';
  return `${terminalText(prefix + file)}:${line}`;
}

/** "7 warnings, 1 information" (only the severities present); "no findings" when there are none. */
export function findingCounts(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'no findings';
  const c = severityCounts(findings);
  const parts = [
    c.warning > 0 ? `${int(c.warning)} ${c.warning === 1 ? 'warning' : 'warnings'}` : '',
    c.information > 0 ? `${int(c.information)} information` : '',
    c.hint > 0 ? `${int(c.hint)} ${c.hint === 1 ? 'hint' : 'hints'}` : '',
  ].filter((p) => p !== '');
  return `${int(findings.length)} ${findings.length === 1 ? 'finding' : 'findings'} (${parts.join(', ')})`;
}

export function findingsSection(findings: readonly Finding[], ruleErrors: readonly RuleError[], roots: readonly string[], style: Style, max: number): string[] {
  if (findings.length === 0 && ruleErrors.length === 0) return [];
  const lines = [style.bold(`Findings (${int(findings.length)})`)];
  for (const f of findings.slice(0, max)) {
    lines.push(`  ${severityText(f.severity, style)}  ${where(f.file, f.line, f.root, roots)}  ${style.dim(f.ruleId)}`);
    lines.push(`    ${terminalMessage(f.message)}`);
    for (const r of f.related ?? []) lines.push(`    ${style.dim(`related: ${where(r.file, r.line, r.root, roots)}  ${terminalMessage(r.message)}`)}`);
    lines.push(`    ${style.dim(`principle: ${principleTitle(f.principleId)}`)}`);
    if (f.fixes.length > 0) {
      lines.push(`    ${style.green(`fix: ${f.fixes.map(fixText).join(' + ')}`)}`);
    }
  }
  if (findings.length > max) lines.push(`  ${style.dim(`… and ${int(findings.length - max)} more findings (--format json lists all)`)}`);
  if (findings.some((f) => f.fixes.length > 0)) {
    lines.push(`  ${style.dim(`fix: scaffold (variant) to insert with "${INSERT_SCAFFOLD_COMMAND}" in VS Code`)}`);
  }
  for (const e of ruleErrors) lines.push(`  ${style.yellow(`rule ${e.ruleId} failed, its findings are missing: ${terminalMessage(e.message)}`)}`);
  return lines;
}
