// Receivers handed to a constructor: `class Conn { constructor(socket) { this.socket = socket } … }` with
// `new Conn(socket)` in a connection handler. The field stands for the constructor's parameter (an `arg`
// placeholder, see TagExpr); each `new Conn(x)` is recorded like a call of the constructor, so the linker
// types the field's sites by what the callers pass (link/argSites.ts), as for a setup function's parameter.
import type ts from 'typescript';
import type { TagExpr, WrapperCall } from './facts';
import type { Scope } from './scope';
import { posOf, snippetOf } from './scope';
import { tagOf } from './tags';
import { evalValue } from './values';

/** Arguments looked at per call (as for wrapper calls). */
const MAX_ARGS = 6;

/**
 * The `arg` placeholder for an untyped parameter of the enclosing workspace function (`socket` in
 * `function setup(socket)`), or null. Passing it on to another function hands that function whatever this
 * one's callers pass (resolved link-time, any depth up to a bound).
 */
export function paramPlaceholder(scope: Scope, expr: ts.Expression): TagExpr | null {
  if (!scope.ts.isIdentifier(expr)) return null;
  const b = scope.bindings.get(expr.text);
  if (!b || b.tag || b.paramOf === undefined || b.value?.k !== 'param') return null;
  return { k: 'arg', fn: b.paramOf, i: b.value.i };
}

/** Inside a class constructor: `this.socket = socket` binds the field to the parameter's placeholder. */
export function bindFieldFromParam(scope: Scope, field: string, right: ts.Expression): void {
  const cls = scope.classes[scope.classes.length - 1];
  if (!cls || cls.tag.k !== 'cls' || cls.tag.ctor === undefined || cls.tag.ctor !== scope.fn) return;
  if (scope.bindings.get(`this.${field}`)?.tag) return;
  const placeholder = paramPlaceholder(scope, right);
  if (placeholder) scope.bindings.set(`this.${field}`, { tag: placeholder });
}

/** What each argument is bound to: its tag, or the placeholder of the caller's own untyped parameter. */
export function argTagsOf(scope: Scope, args: readonly ts.Expression[]): (TagExpr | null)[] {
  const t = scope.ts;
  return args.map((a) => (t.isIdentifier(a) || t.isNewExpression(a) || t.isPropertyAccessExpression(a) ? (tagOf(scope, a) ?? paramPlaceholder(scope, a)) : null));
}

/**
 * `new Conn(socket)` of a workspace class whose constructor stores a parameter: a call of the constructor
 * (same file: its function index; imported: the export, resolved to its constructor by the linker).
 */
export function recordConstructorCall(scope: Scope, ne: ts.NewExpression, calleeTag: TagExpr | null): WrapperCall | null {
  const args = (ne.arguments ?? []).slice(0, MAX_ARGS);
  if (args.length === 0 || !calleeTag) return null;
  let callee: WrapperCall['callee'] | null = null;
  if (calleeTag.k === 'cls' && calleeTag.ctor !== undefined) callee = { fn: calleeTag.ctor };
  else if (calleeTag.k === 'imp') callee = { spec: calleeTag.spec, name: calleeTag.name };
  else if (calleeTag.k === 'prop' && calleeTag.of.k === 'imp' && calleeTag.of.name === 'default') callee = { spec: calleeTag.of.spec, name: calleeTag.name };
  if (!callee) return null;
  const argTags = argTagsOf(scope, args);
  // Only receivers matter here: a constructor call passing none is no wrapper call either (channels are
  // fixed by the instance's methods, which are method calls of their own).
  if (!argTags.some(Boolean)) return null;
  const call: WrapperCall = {
    callee, args: args.map((a) => evalValue(scope, a)), argTags, pos: posOf(scope, ne, ne.expression),
    fn: scope.fn, path: [...scope.path], snippet: snippetOf(scope, ne),
  };
  scope.facts.calls.push(call);
  return call;
}
