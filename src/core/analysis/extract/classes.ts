// Classes: decorator sites, NestJS gateway hooks, fields bound up front (`this.x`), injected constructor
// parameters, heritage (instances of `class Bus extends EventEmitter` are emitters), exported members.
import type ts from 'typescript';
import type { TagExpr, ValueExpr } from './facts';
import type { Scope } from './scope';
import { isExported, posOf, snippetOf } from './scope';
import { tagOf, typeTag } from './tags';
import { evalValue, propName } from './values';
import { onClassLocal } from './localRules';
import { fromLibrary } from './calls';

function decoratorsOf(scope: Scope, node: ts.Node): ts.Decorator[] {
  const t = scope.ts;
  return (t.canHaveDecorators(node) ? t.getDecorators(node) : undefined)?.slice() ?? [];
}

function decoratorInfo(scope: Scope, d: ts.Decorator): { callee: TagExpr | null; args: ValueExpr[]; name: string; call: ts.Expression } {
  const t = scope.ts;
  const expr = d.expression;
  const calleeExpr = t.isCallExpression(expr) ? expr.expression : expr;
  const args = t.isCallExpression(expr) ? expr.arguments.slice(0, 3).map((a) => evalValue(scope, a)) : [];
  const name = t.isIdentifier(calleeExpr) ? calleeExpr.text : t.isPropertyAccessExpression(calleeExpr) ? calleeExpr.name.text : '';
  return { callee: tagOf(scope, calleeExpr), args, name, call: expr };
}

export function onClass(scope: Scope, cls: ts.ClassLikeDeclaration, depth: number): void {
  const t = scope.ts;
  const name = cls.name?.text ?? null;
  let base: TagExpr | null = null;
  for (const h of cls.heritageClauses ?? []) {
    if (h.token === t.SyntaxKind.ExtendsKeyword && h.types[0]) base = tagOf(scope, h.types[0].expression);
  }
  const methods: Record<string, number> = {};
  const clsTag: TagExpr = { k: 'cls', base, methods };
  if (name && t.isClassDeclaration(cls)) {
    scope.bindings.set(name, { tag: clsTag });
    if (isExported(scope, cls)) {
      const mods = t.getModifiers(cls);
      const isDefault = mods?.some((m) => m.kind === t.SyntaxKind.DefaultKeyword);
      scope.facts.exports[isDefault ? 'default' : name] = { tag: clsTag };
    }
  }
  const decorators = decoratorsOf(scope, cls).map((d) => decoratorInfo(scope, d));
  const saved = new Map([...scope.bindings].filter(([k]) => k === 'this' || k.startsWith('this.')));
  for (const k of saved.keys()) scope.bindings.delete(k);
  scope.bindings.set('this', { tag: { k: 'new', of: clsTag, arg0: null } });
  prescanMembers(scope, cls);
  // Instances of a plain class expose its fields (`cart.events.on(…)` with `events = new EventEmitter()`).
  const members: Record<string, TagExpr> = {};
  for (const [k, v] of scope.bindings) if (k.startsWith('this.') && v.tag) members[k.slice(5)] = v.tag;
  if (Object.keys(members).length) clsTag.members = members;
  scope.classes.push({ name, decorators: decorators.map(({ callee, args, name: n }) => ({ callee, args, name: n })), methods, tag: clsTag });
  const classDecorators = decorators.map(({ callee, args }) => ({ callee, args }));
  for (const d of decorators) {
    if (!d.callee || !fromLibrary(d.callee)) continue;
    scope.facts.sites.push({
      kind: 'decorator', recv: null, callee: d.callee, method: d.name, args: d.args, pos: posOf(scope, d.call),
      fn: scope.fn, path: [], snippet: snippetOf(scope, d.call), className: name, memberName: null, classDecorators,
    });
  }
  onClassLocal(scope, cls, decorators);
  for (const m of cls.members) {
    for (const d of decoratorsOf(scope, m)) {
      const info = decoratorInfo(scope, d);
      if (!info.callee || !fromLibrary(info.callee)) continue;
      const memberName = m.name ? propName(scope, m.name) : null;
      scope.facts.sites.push({
        kind: 'decorator', recv: null, callee: info.callee, method: info.name, args: info.args, pos: posOf(scope, info.call),
        fn: scope.fn, path: [], snippet: snippetOf(scope, info.call), className: name, memberName, classDecorators,
      });
    }
    // NestJS gateway lifecycle hooks are socket event handlers too.
    if (t.isMethodDeclaration(m) && m.name && t.isIdentifier(m.name) && /^handle(Connection|Disconnect)$/.test(m.name.text)) {
      const gw = decorators.find((d) => d.name === 'WebSocketGateway');
      if (gw?.callee) {
        scope.facts.sites.push({
          kind: 'decorator', recv: null, callee: gw.callee, method: m.name.text, args: [], pos: posOf(scope, m.name),
          fn: scope.fn, path: [], snippet: snippetOf(scope, m), className: name, memberName: m.name.text, classDecorators,
        });
      }
    }
  }
  for (const h of cls.heritageClauses ?? []) scope.visit(h, depth + 1);
  for (const m of cls.members) scope.visit(m, depth + 1);
  scope.classes.pop();
  for (const k of [...scope.bindings.keys()]) if (k === 'this' || k.startsWith('this.')) scope.bindings.delete(k);
  for (const [k, v] of saved) scope.bindings.set(k, v);
}

/** Class fields are used before (in text order) methods assign them, so bind them up front. */
function prescanMembers(scope: Scope, cls: ts.ClassLikeDeclaration): void {
  const t = scope.ts;
  for (const m of cls.members) {
    if (t.isPropertyDeclaration(m) && m.name && t.isIdentifier(m.name)) {
      const tag = (m.initializer ? tagOf(scope, m.initializer) : null) ?? typeTag(scope, m.type);
      if (tag) scope.bindings.set(`this.${m.name.text}`, { tag });
    }
    if (t.isConstructorDeclaration(m)) {
      for (const p of m.parameters) {
        if (!t.isIdentifier(p.name)) continue;
        const tag = paramTag(scope, p);
        if (tag) scope.bindings.set(`this.${p.name.text}`, { tag });
      }
    }
  }
  // `this.x = new Kafka(...)` in the constructor or an init method.
  const seen = (n: ts.Node, depth: number): void => {
    if (depth > 60) return;
    if (t.isBinaryExpression(n) && n.operatorToken.kind === t.SyntaxKind.EqualsToken && t.isPropertyAccessExpression(n.left) && n.left.expression.kind === t.SyntaxKind.ThisKeyword) {
      const key = `this.${n.left.name.text}`;
      if (!scope.bindings.get(key)?.tag) {
        const tag = tagOf(scope, n.right);
        if (tag) scope.bindings.set(key, { tag });
      }
    }
    if (t.isClassLike(n) && depth > 0) return;
    t.forEachChild(n, (c) => seen(c, depth + 1));
  };
  for (const m of cls.members) seen(m, 1);
  // `get connection() { return this.nc }`: reading the getter is reading what it returns.
  for (const m of cls.members) {
    if (!t.isGetAccessorDeclaration(m) || !t.isIdentifier(m.name) || !m.body) continue;
    const ret = m.body.statements.find(t.isReturnStatement);
    const key = `this.${m.name.text}`;
    if (!ret?.expression || scope.bindings.get(key)?.tag) continue;
    const tag = tagOf(scope, ret.expression) ?? typeTag(scope, m.type);
    if (tag) scope.bindings.set(key, { tag });
  }
}

/** A parameter's tag: its type annotation, refined by `@InjectQueue('name')` / `@Inject(TOKEN)`. */
export function paramTag(scope: Scope, p: ts.ParameterDeclaration): TagExpr | null {
  const t = scope.ts;
  const base = typeTag(scope, p.type);
  let name: ValueExpr | null = null;
  let injected: TagExpr | null = null;
  for (const d of decoratorsOf(scope, p)) {
    const info = decoratorInfo(scope, d);
    if (info.name === 'InjectQueue' || info.name === 'InjectFlowProducer') {
      name = info.args[0] ?? null;
      injected = { k: 'lib', mod: '@nestjs/bullmq', name: 'Queue' };
    }
    if (info.name === 'InjectRedis') injected = { k: 'lib', mod: 'ioredis', name: 'Redis' };
    // `@Inject('BILLING') client: ClientProxy`: the token names the client's registration (its transport).
    if (info.name === 'Inject' && base?.k === 'inst') name = info.args[0] ?? null;
  }
  if (base && base.k === 'inst') return { k: 'inst', of: base.of, name };
  if (injected) return { k: 'inst', of: injected, name };
  if (!p.type && p.initializer) return tagOf(scope, p.initializer);
  void t;
  return null;
}

