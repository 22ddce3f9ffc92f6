// Constructor functions that inherit with `util.inherits(Room, EventEmitter)` (the pre-`class` idiom):
// `this` inside `function Room() {…}` and inside `Room.prototype.join = function () {…}` is a Room, whose
// instances take the base's tag like instances of `class Room extends EventEmitter`.
import type ts from 'typescript';
import type { TagExpr } from './facts';
import type { Scope } from './scope';
import { tagOf } from './tags';

interface Es5Classes {
  /** Constructor name → the base expression of its `inherits(Ctor, Base)`. */
  bases: Map<string, ts.Expression>;
  /** Constructor name → its class tag (made once, when first needed, so every use shares it). */
  tags: Map<string, TagExpr | null>;
}

/** Per parsed file, made once: asked for every function, and a text search per function would make a file
 *  with many functions quadratic in its length. `null`: the file has no `inherits(` call. */
const perFile = new WeakMap<ts.SourceFile, Es5Classes | null>();

/** `util.inherits(A, B)`, `require('util').inherits(A, B)`, `inherits(A, B)` at the top level of the file. */
function es5Classes(scope: Scope): Es5Classes | null {
  const known = perFile.get(scope.sf);
  if (known !== undefined) return known;
  if (!scope.text.includes('inherits(')) {
    perFile.set(scope.sf, null);
    return null;
  }
  const t = scope.ts;
  const found: Es5Classes = { bases: new Map(), tags: new Map() };
  for (const st of scope.sf.statements) {
    if (!t.isExpressionStatement(st) || !t.isCallExpression(st.expression)) continue;
    const call = st.expression;
    const callee = call.expression;
    const named = t.isIdentifier(callee) ? callee.text : t.isPropertyAccessExpression(callee) ? callee.name.text : '';
    const [ctor, base] = call.arguments;
    if (named === 'inherits' && ctor && base && t.isIdentifier(ctor)) found.bases.set(ctor.text, base);
  }
  perFile.set(scope.sf, found);
  return found;
}

/** The class tag of constructor `name` when it inherits from something bound (a library class, an import). */
function classTag(scope: Scope, name: string): TagExpr | null {
  const classes = es5Classes(scope);
  const baseExpr = classes?.bases.get(name);
  if (!classes || !baseExpr) return null;
  if (classes.tags.has(name)) return classes.tags.get(name) ?? null;
  const base = tagOf(scope, baseExpr);
  const tag: TagExpr | null = base ? { k: 'cls', base } : null;
  classes.tags.set(name, tag);
  return tag;
}

/**
 * The constructor a function belongs to: `function Room() {}` itself, `Room.prototype.m = function () {}`
 * or `var Room = function () {}`, when Room inherits; null otherwise.
 */
export function es5ClassOf(scope: Scope, node: ts.FunctionLikeDeclaration): { name: string; tag: TagExpr } | null {
  if (!es5Classes(scope)) return null;
  const t = scope.ts;
  let name: string | null = null;
  if (t.isFunctionDeclaration(node) && node.name) name = node.name.text;
  else if (t.isFunctionExpression(node)) {
    const parent = scope.stack[scope.stack.length - 2];
    if (parent && t.isVariableDeclaration(parent) && t.isIdentifier(parent.name)) name = parent.name.text;
    else if (parent && t.isBinaryExpression(parent) && parent.right === node && t.isPropertyAccessExpression(parent.left)) {
      const proto = parent.left.expression;
      if (t.isPropertyAccessExpression(proto) && proto.name.text === 'prototype' && t.isIdentifier(proto.expression)) name = proto.expression.text;
    }
  }
  const tag = name ? classTag(scope, name) : null;
  return name && tag ? { name, tag } : null;
}
