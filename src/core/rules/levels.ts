// How loud a rule is, as the user tunes it (`eventArchitect.rules.<id>` in the editor): off, or a
// severity that replaces the rule's own. `default` keeps what the rule reports (a rule may say `warning`
// for one finding and `hint` for another, e.g. socketio-no-adapter with and without several instances).
import type { FindingSeverity } from './types';

export const RULE_LEVELS = ['default', 'off', 'hint', 'information', 'warning', 'error'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

/** What a finding is shown as: its severity, raised to `error` when the user asks. */
export type DisplaySeverity = FindingSeverity | 'error';

export function isRuleLevel(value: unknown): value is RuleLevel {
  return typeof value === 'string' && (RULE_LEVELS as readonly string[]).includes(value);
}

/** The severity to show for a finding under a configured level; undefined when the rule is off. */
export function displaySeverity(own: FindingSeverity, level: unknown): DisplaySeverity | undefined {
  if (!isRuleLevel(level) || level === 'default') return own;
  if (level === 'off') return undefined;
  return level;
}
