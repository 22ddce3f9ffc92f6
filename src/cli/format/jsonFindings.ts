// The `findings[]` part of the JSON report (schema version 1, an optional addition): rule findings with
// their root as an index into `roots`, like detections. Copied field by field for the same reason as
// jsonReport.ts: a new core field reaches the published schema only by a deliberate change here.
import type { Finding, FindingSeverity, RuleId } from '../../core/rules/types';
import type { RuleError } from '../findings';
import { rootIndexOf } from '../findings';

export interface JsonFindingFix {
  title: string;
  scaffoldId: string;
  variantId?: string;
}

export interface JsonRelatedLocation {
  root: number;
  file: string;
  line: number;
  message: string;
}

export interface JsonFinding {
  ruleId: RuleId;
  severity: FindingSeverity;
  message: string;
  root: number;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  principleId: string;
  fixes: JsonFindingFix[];
  related: JsonRelatedLocation[];
}

export function toJsonFinding(f: Finding, roots: readonly string[]): JsonFinding {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    root: rootIndexOf(roots, f.root),
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    principleId: f.principleId,
    fixes: f.fixes.map((x) => ({ title: x.title, scaffoldId: x.scaffoldId, ...(x.variantId !== undefined ? { variantId: x.variantId } : {}) })),
    related: (f.related ?? []).map((r) => ({ root: rootIndexOf(roots, r.root), file: r.file, line: r.line, message: r.message })),
  };
}

export function toJsonRuleErrors(errors: readonly RuleError[]): RuleError[] {
  return errors.map((e) => ({ ruleId: e.ruleId, message: e.message }));
}
