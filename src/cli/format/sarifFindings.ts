// The rule findings in SARIF (their reporting descriptors are in sarifRules.ts): one result per finding, with the finding's severity as the level (`warning` stays a warning, `information`
// and `hint` become `note`: SARIF has no finer level), related locations, and the fixes as properties
// (SARIF `fixes` need concrete artifact changes; ours are scaffolds the extension inserts).
import { RULES } from '../../core/rules';
import type { Finding, RuleId } from '../../core/rules/types';
import type { RuleError } from '../findings';
import { rootIndexOf } from '../findings';
import { sarifMessage } from '../../core/text/sarif';
import type { Fingerprints } from './sarifFingerprint';
import { sarifLevel } from './sarifRules';

export interface ArtifactLocation {
  uri: string;
  uriBaseId: string;
  index?: number;
}

/** Registers (or finds) the artifact for a file of root `root` and returns its location. */
export type ArtifactFor = (file: string, root: number) => ArtifactLocation;

export function* findingResults(findings: readonly Finding[], roots: readonly string[], firstRuleIndex: number, artifactFor: ArtifactFor, fingerprints: Fingerprints): Generator<object> {
  const ruleIndex = new Map<RuleId, number>(RULES.map((r, i) => [r.id, firstRuleIndex + i]));
  for (const f of findings) {
    const root = rootIndexOf(roots, f.root);
    const location = artifactFor(f.file, root);
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
            artifactLocation: location,
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        },
      ],
      ...(related.length > 0 ? { relatedLocations: related } : {}),
      // Line-number independent: a finding keeps its identity when code above it moves. Findings carry no
      // channel field; their message names it (the topic, route or query key), so the message stands in for
      // it, without its counts ("3 sends") that change with code elsewhere.
      partialFingerprints: fingerprints.of(f.ruleId, location.uri, root, f.file, f.line, f.message.replace(/\d+/g, '#'), f.message),
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
