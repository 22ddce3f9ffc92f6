// The rule findings in SARIF: one reporting descriptor per rule (next to the detection-kind rules) and
// one result per finding, with the finding's severity as the level (`warning` stays a warning, `information`
// and `hint` become `note`: SARIF has no finer level), related locations, and the fixes as properties
// (SARIF `fixes` need concrete artifact changes; ours are scaffolds the extension inserts).
import { PRINCIPLES } from '../../core/principles';
import { RULES } from '../../core/rules';
import type { Finding, FindingSeverity, RuleId } from '../../core/rules/types';
import type { RuleError } from '../findings';
import { rootIndexOf } from '../findings';
import { sarifMessage } from '../../core/text/sarif';

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

export interface ArtifactLocation {
  uri: string;
  uriBaseId: string;
  index?: number;
}

/** Registers (or finds) the artifact for a file of root `root` and returns its location. */
export type ArtifactFor = (file: string, root: number) => ArtifactLocation;

export function sarifLevel(severity: FindingSeverity): SarifLevel {
  return severity === 'warning' ? 'warning' : 'note';
}

/** `dual-write` → `DualWrite`, the PascalCase SARIF `name`. */
function pascal(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_m: string, _dash: string, ch: string) => ch.toUpperCase());
}

function principleTitle(id: string): string {
  return PRINCIPLES.find((p) => p.id === id)?.title ?? id;
}

export function findingRuleDescriptors(): object[] {
  return RULES.map((rule) => ({
    id: rule.id,
    name: pascal(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: { text: `${rule.description} Principle: ${principleTitle(rule.principle)}.` },
    defaultConfiguration: { level: sarifLevel(rule.defaultSeverity) },
    properties: { principle: rule.principle, principleTitle: principleTitle(rule.principle), tags: ['architecture', rule.principle] },
  }));
}

export function* findingResults(findings: readonly Finding[], roots: readonly string[], firstRuleIndex: number, artifactFor: ArtifactFor): Generator<object> {
  const ruleIndex = new Map<RuleId, number>(RULES.map((r, i) => [r.id, firstRuleIndex + i]));
  for (const f of findings) {
    const root = rootIndexOf(roots, f.root);
    const related = (f.related ?? []).map((r, i) => ({
      id: i + 1,
      physicalLocation: { artifactLocation: artifactFor(r.file, rootIndexOf(roots, r.root)), region: { startLine: r.line } },
      message: { text: sarifMessage(r.message) },
    }));
    yield {
      ruleId: f.ruleId,
      ruleIndex: ruleIndex.get(f.ruleId) ?? -1,
      level: sarifLevel(f.severity),
      message: { text: sarifMessage(f.message) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactFor(f.file, root),
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        },
      ],
      ...(related.length > 0 ? { relatedLocations: related } : {}),
      // Line-independent: a finding keeps its identity when code above it moves.
      partialFingerprints: { eventArchitectFinding: `${f.ruleId}|${root}|${f.file}|${f.message}` },
      properties: {
        severity: f.severity,
        principleId: f.principleId,
        fixes: f.fixes.map((x) => ({ title: x.title, scaffoldId: x.scaffoldId, ...(x.variantId !== undefined ? { variantId: x.variantId } : {}) })),
      },
    };
  }
}

/** A failed rule: `error` level, which per SARIF Appendix I tells consumers the results may be incomplete. */
export function ruleErrorNotifications(errors: readonly RuleError[], firstRuleIndex: number): object[] {
  return errors.map((e) => {
    const index = RULES.findIndex((r) => r.id === e.ruleId);
    return {
      level: 'error',
      message: { text: sarifMessage(`Rule ${e.ruleId} failed and reported nothing: ${e.message}`) },
      associatedRule: index >= 0 ? { id: e.ruleId, index: firstRuleIndex + index } : { id: e.ruleId },
    };
  });
}
