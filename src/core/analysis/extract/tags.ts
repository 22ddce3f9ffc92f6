// What an expression is bound to, as a TagExpr the linker resolves against library tables and other files'
// exports. Unknown expressions give null, so look-alikes (res.send, rxjs subscribe) never become sites.
import type ts from 'typescript';
import type { TagExpr } from './facts';
import type { Scope } from './scope';
import { evalValue } from './values';

/** Browser/Node globals whose constructors are constructs (`new WebSocket`, `new EventSource`). */
const GLOBALS = new Set(['WebSocket', 'EventSource', 'fetch']);

export function isRelative(spec: string): boolean {
  return spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..';
}

export function importTag(spec: string, name: string): TagExpr {
  return isRelative(spec) ? { k: 'imp', spec, name } : { k: 'lib', mod: spec, name };
}

export function tagOf(scope: Scope, node: ts.Node | undefined, depth = 0): TagExpr | null {
  if (!node || depth > 12) return null;
  const t = scope.ts;
  const SK = t.SyntaxKind;
  switch (node.kind) {
    case SK.ParenthesizedExpression:
    case SK.AsExpression:
    case SK.SatisfiesExpression:
    case SK.NonNullExpression:
    case SK.TypeAssertionExpression:
    case SK.AwaitExpression:
      return tagOf(scope, (node as ts.ParenthesizedExpression).expression, depth + 1);
    case SK.Identifier: {
      const name = (node as ts.Identifier).text;
      const b = scope.bindings.get(name);
      if (b) return b.tag ?? null;
      return GLOBALS.has(name) ? { k: 'global', name } : null;
    }
    case SK.ThisKeyword:
      return scope.bindings.get('this')?.tag ?? null;
    case SK.SuperKeyword: {
      // `super.createIOServer(…)`: the base class's own member, as an instance of the base.
      const self = scope.bindings.get('this')?.tag;
      return self?.k === 'new' && self.of.k === 'cls' && self.of.base ? { k: 'new', of: self.of.base, arg0: null } : null;
    }
    case SK.PropertyAccessExpression: {
      const pa = node as ts.PropertyAccessExpression;
      if (pa.expression.kind === SK.ThisKeyword) {
        const field = scope.bindings.get(`this.${pa.name.text}`);
        if (field) return field.tag ?? null;
      }
      const base = tagOf(scope, pa.expression, depth + 1);
      // (`request.server` is itself the instance, not a decorated member named `server`.)
      if (base && !(base.k === 'deco' && base.name === 'server')) return { k: 'prop', of: base, name: pa.name.text };
      // `app.redis`, `this.producer`, `request.server.redisSub` in Fastify code: an instance nothing types
      // here may carry a client a plugin decorated it with; the linker looks the name up.
      return scope.mentionsFastify && untypedInstance(scope, pa.expression) ? { k: 'deco', name: pa.name.text } : null;
    }
    case SK.CallExpression: {
      const ce = node as ts.CallExpression;
      if (t.isIdentifier(ce.expression) && ce.expression.text === 'require' && !scope.bindings.has('require')) {
        const a0 = ce.arguments[0];
        return a0 && t.isStringLiteral(a0) ? importTag(a0.text, 'default') : null;
      }
      // `connect(url).then((conn) => conn.createChannel())`: a promise chain yields its callback's result.
      const thenRet = thenResult(scope, ce);
      if (thenRet) return thenRet;
      const callee = tagOf(scope, ce.expression, depth + 1);
      return callee ? { k: 'call', of: callee, arg0: ce.arguments[0] ? evalValue(scope, ce.arguments[0]) : null } : null;
    }
    case SK.NewExpression: {
      const ne = node as ts.NewExpression;
      if (t.isIdentifier(ne.expression) && COLLECTIONS.has(ne.expression.text) && !scope.bindings.has(ne.expression.text)) {
        return collectionTag(scope, ne.typeArguments, depth);
      }
      const callee = tagOf(scope, ne.expression, depth + 1);
      if (!callee) return null;
      const a0 = ne.arguments?.[0];
      const hasAdapter = (ne.arguments ?? []).some(
        (a) => t.isObjectLiteralExpression(a) && a.properties.some((p) => p.name !== undefined && t.isIdentifier(p.name) && p.name.text === 'adapter'),
      );
      return { k: 'new', of: callee, arg0: a0 ? evalValue(scope, a0) : null, ...(hasAdapter ? { hasAdapter } : {}) };
    }
    case SK.BinaryExpression: {
      const be = node as ts.BinaryExpression;
      const op = be.operatorToken.kind;
      if (op === SK.QuestionQuestionToken || op === SK.BarBarToken) return tagOf(scope, be.left, depth + 1) ?? tagOf(scope, be.right, depth + 1);
      // `return Sockets.server && Sockets.server.in(room)`: when it is anything, it is the right side.
      if (op === SK.AmpersandAmpersandToken) return tagOf(scope, be.right, depth + 1);
      // `const io = (module.exports.io = server.io)`: an assignment's value is its right side.
      if (op === SK.EqualsToken) return tagOf(scope, be.right, depth + 1);
      return null;
    }
    case SK.ObjectLiteralExpression:
      return objectTag(scope, node as ts.ObjectLiteralExpression);
    case SK.ConditionalExpression: {
      const c = node as ts.ConditionalExpression;
      return tagOf(scope, c.whenTrue, depth + 1) ?? tagOf(scope, c.whenFalse, depth + 1);
    }
    default:
      return null;
  }
}

/**
 * An object literal of workspace functions (`export const bus = { publish(…) {…} }`, `module.exports = {
 * sendJson }`) is like an instance of a class with those methods: its calls can be wrappers.
 */
function objectTag(scope: Scope, obj: ts.ObjectLiteralExpression): TagExpr | null {
  const t = scope.ts;
  let methods: Record<string, number> | null = null;
  for (const p of obj.properties) {
    if (!p.name || !(t.isIdentifier(p.name) || t.isStringLiteral(p.name))) continue;
    let fn: number | undefined;
    if (t.isMethodDeclaration(p)) fn = scope.fnIndex.get(p);
    else if (t.isShorthandPropertyAssignment(p)) fn = scope.bindings.get(p.name.text)?.fn;
    else if (t.isPropertyAssignment(p)) {
      let init: ts.Node = p.initializer;
      while (t.isParenthesizedExpression(init) || t.isAsExpression(init)) init = init.expression;
      fn = t.isIdentifier(init) ? scope.bindings.get(init.text)?.fn : scope.fnIndex.get(init);
    }
    if (fn === undefined) continue;
    methods ??= {};
    methods[p.name.text] = fn;
  }
  return methods ? { k: 'new', of: { k: 'cls', base: null, methods }, arg0: null } : null;
}

function thenResult(scope: Scope, ce: ts.CallExpression): TagExpr | null {
  const t = scope.ts;
  if (!t.isPropertyAccessExpression(ce.expression) || ce.expression.name.text !== 'then') return null;
  let cb: ts.Node | undefined = ce.arguments[0];
  while (cb && (t.isParenthesizedExpression(cb) || t.isAsExpression(cb))) cb = cb.expression;
  return cb ? (scope.fnReturns.get(cb) ?? null) : null;
}

/** The TagExpr of a declared type: `Producer`, `amqp.Channel`, `Redis | null`, `Promise<Redis>`. */
export function typeTag(scope: Scope, type: ts.TypeNode | undefined, depth = 0): TagExpr | null {
  if (!type || depth > 4) return null;
  const t = scope.ts;
  if (t.isUnionTypeNode(type)) {
    for (const m of type.types) {
      const r = typeTag(scope, m, depth + 1);
      if (r) return r;
    }
    return null;
  }
  if (t.isTypeReferenceNode(type)) {
    const tn = type.typeName;
    if (t.isIdentifier(tn) && (tn.text === 'Promise' || tn.text === 'Readonly') && type.typeArguments?.[0]) {
      return typeTag(scope, type.typeArguments[0], depth + 1);
    }
    // Collections of sockets/clients: iterating them (`for…of`, `forEach`) yields the element type.
    if (t.isIdentifier(tn) && COLLECTIONS.has(tn.text) && !scope.bindings.has(tn.text)) return collectionTag(scope, type.typeArguments, depth);
    const base = entityTag(scope, tn);
    return base ? { k: 'inst', of: base, name: null } : null;
  }
  if (t.isArrayTypeNode(type)) return typeTag(scope, type.elementType, depth + 1);
  return null;
}

const COLLECTIONS = new Set(['Map', 'Set', 'WeakMap', 'WeakSet', 'Array', 'ReadonlyArray', 'ReadonlyMap', 'ReadonlySet']);

/** A typed collection: resolved as `coll:<element>`, whose iteration, `forEach` and `get` yield elements. */
function collectionTag(scope: Scope, args: ts.NodeArray<ts.TypeNode> | undefined, depth: number): TagExpr | null {
  for (const a of args ?? []) {
    const r = typeTag(scope, a, depth + 1);
    if (r) return { k: 'param', of: r, m: 'coll', ev: null, i: 0 };
  }
  return null;
}

function entityTag(scope: Scope, name: ts.EntityName): TagExpr | null {
  const t = scope.ts;
  if (t.isIdentifier(name)) return scope.bindings.get(name.text)?.tag ?? null;
  const left = entityTag(scope, name.left);
  return left ? { k: 'prop', of: left, name: name.right.text } : null;
}

/** The root of a TagExpr chain (a library import, a relative import, a global, a local class). */
export function rootOf(tag: TagExpr): TagExpr {
  let cur = tag;
  for (let i = 0; i < 32; i++) {
    if (cur.k === 'lib' || cur.k === 'imp' || cur.k === 'global' || cur.k === 'cls' || cur.k === 'arg' || cur.k === 'deco') return cur;
    if (cur.k === 'fn') {
      cur = cur.ret;
      continue;
    }
    cur = cur.of;
  }
  return cur;
}

/** `app`, `fastify`, `this`, `request.server`: a bare name or `this` with no tag, or a `.server` member. */
function untypedInstance(scope: Scope, node: ts.Expression): boolean {
  const t = scope.ts;
  if (node.kind === t.SyntaxKind.ThisKeyword) return true;
  if (t.isIdentifier(node)) return !GLOBALS.has(node.text);
  return t.isPropertyAccessExpression(node) && node.name.text === 'server';
}
