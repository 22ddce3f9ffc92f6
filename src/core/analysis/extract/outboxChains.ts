// Method chains around an outbox query: which methods are chained onto a call. The walker visits a
// callee's receiver directly (its property-access node is not on the ancestor stack), so the outer links
// of `knex('outbox').where(…).update(…)` are the enclosing calls whose callee's receiver is the link below.
import type ts from 'typescript';
import type { Scope } from './scope';

/** Names of the methods chained after `call`, innermost first (`a().b().c()` at `a()` → `b`, `c`). */
export function outerChain(scope: Scope, call: ts.CallExpression): string[] {
  const t = scope.ts;
  const names: string[] = [];
  let child: ts.Node = call;
  for (let i = scope.stack.length - 2; i >= 0; i--) {
    const n = scope.stack[i];
    if (!n) break;
    if (t.isPropertyAccessExpression(n) && n.expression === child) {
      names.push(n.name.text);
    } else if (t.isCallExpression(n) && t.isPropertyAccessExpression(n.expression) && n.expression.expression === child) {
      if (names[names.length - 1] !== n.expression.name.text) names.push(n.expression.name.text);
    } else if (!(t.isCallExpression(n) && n.expression === child) && !t.isNonNullExpression(n)) {
      break;
    }
    child = n;
  }
  return names;
}

/** Query-builder links that select pending rows (`whereNull('sent_at')`, `orderBy`, `forUpdate().skipLocked()`). */
const BUILDER_READS = new Set(['whereNull', 'whereIn', 'orderBy', 'limit', 'forUpdate', 'skipLocked', 'select', 'first']);

/**
 * `knex('outbox').whereNull(…).orderBy(…).forUpdate()` reads the pending rows with no single read method
 * (findMany, `.from`): the relay is the builder call naming the table. A chain with a write link is marking
 * rows sent; one with a read method of its own is counted at that method.
 */
export function isBuilderRelayRead(scope: Scope, call: ts.CallExpression, readMethods: Set<string>, writeMethods: Set<string>): boolean {
  const chain = outerChain(scope, call);
  if (chain.some((m) => writeMethods.has(m) || readMethods.has(m))) return false;
  return chain.some((m) => BUILDER_READS.has(m));
}
