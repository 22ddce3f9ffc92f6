// The shape of one rule: catalog metadata plus a pure evaluation over the rule context.
import type { RuleContext } from './context';
import type { Finding, RuleMeta } from './types';

export interface Rule {
  meta: RuleMeta;
  evaluate(ctx: RuleContext): Finding[];
}
