// Rule findings for the CLI: the same rules as the extension's diagnostics (src/core/rules), evaluated
// once per run so every format reports the same findings and --fail-on gates on them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AnalysisResult } from '../core/analysis/types';
import { collectConfigFiles, evaluateRules } from '../core/rules';
import type { ConfigFile, Finding, FindingSeverity, ReadFile } from '../core/rules/types';
import type { FailOn } from './args';

export interface RuleError {
  ruleId: string;
  message: string;
}

export interface RuleOutcome {
  findings: Finding[];
  /** Rules that threw: their findings are missing, the other rules' are complete. */
  ruleErrors: RuleError[];
}

export const NO_FINDINGS: RuleOutcome = { findings: [], ruleErrors: [] };

/** Strongest first, so "at or above" is a rank comparison. */
export const SEVERITY_RANK: Record<FindingSeverity, number> = { warning: 0, information: 1, hint: 2 };

/** Rules re-read the files their detections sit in; a file gone or unreadable since the analysis is absent. */
export const readFromDisk: ReadFile = (rel, root) => {
  try {
    return readFileSync(path.join(root, ...rel.split('/')), 'utf8');
  } catch {
    return undefined;
  }
};

/** `configs`: the deployment files, when the caller started collecting them already (alongside the analysis). */
export async function computeFindings(result: AnalysisResult, readFile: ReadFile = readFromDisk, signal?: AbortSignal, configs?: Promise<ConfigFile[]>): Promise<RuleOutcome> {
  const ruleErrors: RuleError[] = [];
  const configFiles = await (configs ?? collectConfigFiles(result.roots, signal));
  const findings = evaluateRules(result, readFile, configFiles, {
    onRuleError: (ruleId, error) => ruleErrors.push({ ruleId, message: error instanceof Error ? error.message : String(error) }),
  });
  return { findings, ruleErrors };
}

/** The findings that trip `--fail-on level` (none for `none`). */
export function findingsAtOrAbove(findings: readonly Finding[], level: FailOn): Finding[] {
  if (level === 'none') return [];
  const limit = SEVERITY_RANK[level];
  return findings.filter((f) => SEVERITY_RANK[f.severity] <= limit);
}

/** Index into `roots` of a finding's (or related location's) absolute root; the first root when absent. */
export function rootIndexOf(roots: readonly string[], root: string | undefined): number {
  if (root === undefined) return 0;
  const index = roots.indexOf(root);
  return index >= 0 ? index : Math.max(0, roots.indexOf(path.resolve(root)));
}

export function severityCounts(findings: readonly Finding[]): Record<FindingSeverity, number> {
  const counts: Record<FindingSeverity, number> = { warning: 0, information: 0, hint: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}
