// TanStack Query mutations: `useMutation` (and the other adapters' hooks, `mutationOptions`) with its options
// followed through bindings, spreads and option factories; optimistic when `onMutate` updates the cache.
import type ts from 'typescript';
import type { Scope } from './scope';
import { posOf, snippetOf } from './scope';
import { propName } from './values';

export const MUTATION_FNS = new Set(['useMutation', 'injectMutation', 'createMutation', 'mutationOptions']);
const OPTIMISTIC = /\.(?:setQueryData|setQueriesData|setData|setInfiniteData)\s*[<(]/;

export function onMutation(scope: Scope, call: ts.CallExpression, library: string): void {
  const opts = mutationOptionsNode(scope, call);
  dropFactoryOptions(scope, call);
  const optimistic = opts ? onMutateIsOptimistic(scope, opts) : false;
  const token = scope.ts.isPropertyAccessExpression(call.expression) ? call.expression.name : call.expression;
  push(scope, optimistic ? 'mutation.optimistic' : 'mutation.plain', library, call, token);
}

function mutationOptionsNode(scope: Scope, call: ts.CallExpression): ts.ObjectLiteralExpression | null {
  for (const arg of call.arguments.slice(0, 3)) {
    const o = toObject(scope, arg, 0);
    if (o) return o;
  }
  return null;
}

function toObject(scope: Scope, node: ts.Node | undefined, depth: number): ts.ObjectLiteralExpression | null {
  const t = scope.ts;
  if (!node || depth > 4) return null;
  if (t.isObjectLiteralExpression(node)) return node;
  if (t.isParenthesizedExpression(node) || t.isAsExpression(node) || t.isSatisfiesExpression(node)) return toObject(scope, node.expression, depth + 1);
  if (t.isArrowFunction(node) || t.isFunctionExpression(node) || t.isFunctionDeclaration(node)) {
    if (node.body && !t.isBlock(node.body)) return toObject(scope, node.body, depth + 1);
    const ret = node.body && t.isBlock(node.body) ? node.body.statements.find(t.isReturnStatement) : undefined;
    return toObject(scope, ret?.expression, depth + 1);
  }
  if (t.isCallExpression(node)) {
    // `markRead(qc)`: a factory of this file returning the options.
    const factory = t.isIdentifier(node.expression) ? scope.bindings.get(node.expression.text)?.init : undefined;
    if (factory && (t.isArrowFunction(factory) || t.isFunctionExpression(factory) || t.isFunctionDeclaration(factory))) {
      const o = toObject(scope, factory, depth + 1);
      if (o) return o;
    }
    // `trpc.x.mutationOptions({...})`, `mutationOptions({...})`, spreads of helpers.
    for (const a of node.arguments.slice(0, 2)) {
      const o = toObject(scope, a, depth + 1);
      if (o) return o;
    }
    return null;
  }
  if (t.isIdentifier(node)) return toObject(scope, scope.bindings.get(node.text)?.init, depth + 1);
  return null;
}

function onMutateIsOptimistic(scope: Scope, obj: ts.ObjectLiteralExpression): boolean {
  const t = scope.ts;
  for (const p of obj.properties) {
    const key = p.name ? propName(scope, p.name) : null;
    if (t.isSpreadAssignment(p)) {
      const inner = toObject(scope, p.expression, 1);
      if (inner && onMutateIsOptimistic(scope, inner)) return true;
      continue;
    }
    if (key !== 'onMutate') continue;
    let fnNode: ts.Node | undefined = t.isPropertyAssignment(p) ? p.initializer : t.isShorthandPropertyAssignment(p) ? p.name : p;
    if (fnNode && t.isIdentifier(fnNode)) fnNode = scope.bindings.get(fnNode.text)?.init;
    if (!fnNode) return false;
    return OPTIMISTIC.test(scope.text.slice(fnNode.getStart(scope.sf), fnNode.getEnd()));
  }
  return false;
}

/**
 * `useMutation(markRead(qc))` with `const markRead = (qc) => mutationOptions({...})` in this file and not
 * exported: one mutation, counted at `useMutation`, so the factory's `mutationOptions` detection is dropped.
 */
function dropFactoryOptions(scope: Scope, call: ts.CallExpression): void {
  const t = scope.ts;
  const a0 = call.arguments[0];
  if (!a0 || !t.isCallExpression(a0) || !t.isIdentifier(a0.expression)) return;
  const name = a0.expression.text;
  if (scope.facts.exports[name]) return;
  const factory = scope.bindings.get(name)?.init;
  if (!factory || !(t.isArrowFunction(factory) || t.isFunctionExpression(factory) || t.isFunctionDeclaration(factory)) || !factory.body) return;
  let ret: ts.Node | undefined = factory.body;
  if (t.isBlock(ret)) ret = ret.statements.find(t.isReturnStatement)?.expression;
  while (ret && t.isParenthesizedExpression(ret)) ret = ret.expression;
  if (!ret || !t.isCallExpression(ret)) return;
  const callee = ret.expression;
  const token = t.isPropertyAccessExpression(callee) ? callee.name : callee;
  if (!(t.isIdentifier(token) && token.text === 'mutationOptions')) return;
  const pos = posOf(scope, ret, token);
  scope.facts.locals = scope.facts.locals.filter((l) => !(l.broker === 'tanstack-query' && l.pos.line === pos.line && l.pos.column === pos.column));
}

function push(scope: Scope, kind: 'mutation.optimistic' | 'mutation.plain', library: string, node: ts.Node, token: ts.Node): void {
  scope.facts.locals.push({ kind, library, broker: 'tanstack-query', role: 'client', channel: null, pos: posOf(scope, node, token), fn: scope.fn, path: [...scope.path], snippet: snippetOf(scope, node) });
}
