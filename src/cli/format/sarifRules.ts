// SARIF reporting descriptors. Finding rules keep their ids (`dual-write`); detection kinds, included only
// with `--sarif-detections`, are named `detection/<kind>` (`detection/kafka.produce`) so a code-scanning
// filter on rule ids never mixes "this is a problem" with "this is a map entry". Every rule has a `helpUri`
// (its section of the README) and `help` in text and Markdown that states the principle behind it: code
// scanning shows `help.markdown` under the alert.
import type { DetectionKind } from '../../core/analysis/types';
import { DETECTION_KINDS } from '../../core/analysis/types';
import { PRINCIPLES } from '../../core/principles';
import type { Principle } from '../../core/principles';
import { RULES } from '../../core/rules';
import type { FindingSeverity } from '../../core/rules/types';
import { KIND_TEXT } from '../kinds';
import { TOOL_INFORMATION_URI } from '../version';

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

export const DETECTION_RULE_PREFIX = 'detection/';

/** The SARIF rule id of a detection kind: `detection/kafka.produce`. */
export function detectionRuleId(kind: DetectionKind): string {
  return `${DETECTION_RULE_PREFIX}${kind}`;
}

export function sarifLevel(severity: FindingSeverity): SarifLevel {
  return severity === 'warning' ? 'warning' : 'note';
}

/** `dual-write` → `DualWrite`, the PascalCase SARIF `name`. */
function pascal(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_m: string, _dash: string, ch: string) => ch.toUpperCase());
}

/** Where a rule is explained: its heading in the README's rule list (GitHub anchors a heading by its text). */
export function ruleHelpUri(ruleId: string): string {
  return `${TOOL_INFORMATION_URI}#${ruleId}`;
}

/** The README section that lists the detection kinds. */
export const DETECTION_HELP_URI = `${TOOL_INFORMATION_URI}#detection-kinds-in-sarif`;

function principleOf(id: string): Principle | undefined {
  return PRINCIPLES.find((p) => p.id === id);
}

function helpMarkdown(description: string, p: Principle | undefined, uri: string): string {
  if (!p) return `${description}\n\n[Rule documentation](${uri})`;
  return [
    description,
    '',
    `**Principle: ${p.title}.** ${p.what}`,
    '',
    `**Why.** ${p.why}`,
    '',
    `**When it applies.** ${p.when}`,
    '',
    `**When it does not.** ${p.whenNot}`,
    '',
    `[Rule documentation](${uri})`,
  ].join('\n');
}

function helpText(description: string, p: Principle | undefined): string {
  return p ? `${description} Principle: ${p.title}. ${p.what} Why: ${p.why}` : description;
}

export function findingRuleDescriptors(): object[] {
  return RULES.map((rule) => {
    const principle = principleOf(rule.principle);
    const uri = ruleHelpUri(rule.id);
    return {
      id: rule.id,
      name: pascal(rule.id),
      shortDescription: { text: rule.title },
      fullDescription: { text: rule.description },
      helpUri: uri,
      help: { text: helpText(rule.description, principle), markdown: helpMarkdown(rule.description, principle, uri) },
      defaultConfiguration: { level: sarifLevel(rule.defaultSeverity) },
      properties: { principle: rule.principle, principleTitle: principle?.title ?? rule.principle, tags: ['architecture', rule.principle] },
    };
  });
}

export function detectionRuleDescriptors(): object[] {
  return DETECTION_KINDS.map((kind) => ({
    id: detectionRuleId(kind),
    name: `Detection${KIND_TEXT[kind].name}`,
    shortDescription: { text: KIND_TEXT[kind].short },
    fullDescription: { text: `${KIND_TEXT[kind].short}: a point of the event-flow map, not a problem.` },
    helpUri: DETECTION_HELP_URI,
    help: {
      text: `${KIND_TEXT[kind].short}. Reported with --sarif-detections as a map of the event flows; it asks for no change.`,
      markdown: `${KIND_TEXT[kind].short}.\n\nReported with \`--sarif-detections\` as a map of the event flows; it asks for no change.\n\n[Detection kinds](${DETECTION_HELP_URI})`,
    },
    defaultConfiguration: { level: 'note' },
    properties: { tags: ['event-flow', 'detection', kind.split('.')[0] ?? kind] },
  }));
}
