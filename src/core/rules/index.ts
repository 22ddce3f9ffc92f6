// Public API of the rules: findings the principles name, computed from an analysis result.
//   evaluateRules(result, readFile, configFiles)  every finding, sorted by file and line
//   collectConfigFiles(roots)                      the nginx/Caddy/PM2/compose/k8s files rules read
//   RULES                                          catalog (id, title, principle, description) for SARIF and docs
import type { AnalysisResult } from '../analysis/types';
import { RuleContext } from './context';
import type { Rule } from './rule';
import type { ConfigFile, Finding, ReadFile, RuleMeta } from './types';
import { applySuppressions } from './suppression';
import { dualWriteRule } from './checks/dualWrite';
import { socketioNoAdapterRule } from './checks/socketioNoAdapter';
import { sseNoHeartbeatRule } from './checks/sseNoHeartbeat';
import { sseProxyBufferingRule } from './checks/sseProxyBuffering';
import { unguardedInvalidationRule } from './checks/unguardedInvalidation';
import { wsOneWayPushRule } from './checks/wsOneWayPush';
import { consumerNotIdempotentRule } from './checks/consumerNotIdempotent';
import { optimisticNoRollbackRule } from './checks/optimisticNoRollback';
import { orphanChannelRule } from './checks/orphanChannel';
import { redisPubsubDurableRule } from './checks/redisPubsubDurable';
import { redisSubscriberCommandsRule } from './checks/redisSubscriberCommands';
import { wsNoHeartbeatRule } from './checks/wsNoHeartbeat';

export * from './types';
export { collectConfigFiles, classifyConfig, configKindOf } from './configFiles';
export { DISABLE_FILE, DISABLE_LINE, DISABLE_NEXT_LINE, applySuppressions, isSuppressed, parseSuppressions } from './suppression';
export type { Suppressions } from './suppression';
export { RULE_LEVELS, displaySeverity, isRuleLevel } from './levels';
export type { DisplaySeverity, RuleLevel } from './levels';
export type { ConfigKind } from './configFiles';

const ALL_RULES: readonly Rule[] = [
  dualWriteRule,
  wsOneWayPushRule,
  socketioNoAdapterRule,
  sseNoHeartbeatRule,
  sseProxyBufferingRule,
  unguardedInvalidationRule,
  redisPubsubDurableRule,
  consumerNotIdempotentRule,
  optimisticNoRollbackRule,
  orphanChannelRule,
  redisSubscriberCommandsRule,
  wsNoHeartbeatRule,
];

export const RULES: readonly RuleMeta[] = ALL_RULES.map((r) => r.meta);

export interface EvaluateOptions {
  /** Called when one rule throws; the other rules still run. Without it, the error propagates. */
  onRuleError?: (ruleId: string, error: unknown) => void;
}

export function evaluateRules(
  result: AnalysisResult,
  readFile: ReadFile,
  configFiles: readonly ConfigFile[] = [],
  options: EvaluateOptions = {},
): Finding[] {
  const ctx = new RuleContext(result, readFile, configFiles);
  const findings: Finding[] = [];
  for (const rule of ALL_RULES) {
    try {
      findings.push(...rule.evaluate(ctx));
    } catch (error) {
      if (!options.onRuleError) throw error;
      options.onRuleError(rule.meta.id, error);
    }
  }
  findings.sort(
    (a, b) => cmp(a.root ?? '', b.root ?? '') || cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.ruleId, b.ruleId),
  );
  // `// event-architect-disable-next-line <id>` and friends (see suppression.ts), for the CLI and the editor alike.
  return applySuppressions(findings, (f) => {
    const root = f.root ?? result.roots[0];
    try {
      return root === undefined ? undefined : readFile(f.file, root);
    } catch {
      return undefined;
    }
  });
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
