// One pass over a file's AST, in source order: maintains name bindings (imports, requires, `new`, factory
// calls, class fields, injected constructor parameters, callback parameters, destructuring), records
// call/new/decorator sites whose receiver is bound to something, and runs the local (tag-free) rules.
import type ts from 'typescript';
import type { ExportEntry, FileFacts, TagExpr, ValueExpr } from './facts';
import { emptyFacts } from './facts';
import type { Binding, Scope } from './scope';
import { BindingMap } from './scope';
import { posOf, snippetOf } from './scope';
import { importTag, isRelative, rootOf, tagOf, typeTag } from './tags';
import { evalEnum, evalValue, propName } from './values';
import { onCallLocal, onClassLocal, onNewLocal, onStringLocal } from './localRules';

/** Methods that can be a construct on some library receiver; other calls never become sites. */
const SITE_METHODS = new Set([
  'publish', 'spublish', 'sPublish', 'subscribe', 'ssubscribe', 'sSubscribe', 'psubscribe', 'pSubscribe',
  'xadd', 'xAdd', 'xread', 'xRead', 'xreadgroup', 'xReadGroup', 'xautoclaim', 'xAutoClaim', 'call', 'sendCommand',
  'send', 'sendBatch', 'emit', 'emitAsync', 'request', 'requestMany', 'respond', 'consume', 'fetch', 'next',
  'addEndpoint', 'sendToQueue', 'add', 'addBulk', 'upsertJobScheduler', 'process', 'on', 'once', 'addListener',
  'prependListener', 'prependOnceListener', 'onAny', 'many', 'adapter', 'ws', 'serverSideEmit', 'bindQueue',
  'listenTo', 'onEvent', 'emitWithAck',
]);

/** Registering a callback with these runs it later, on its own path (not a dual-write path of the caller). */
const HANDLER_METHODS = new Set([
  'on', 'once', 'addListener', 'prependListener', 'addEventListener', 'subscribe', 'psubscribe', 'consume', 'process',
  'run', 'get', 'post', 'put', 'patch', 'delete', 'all', 'use', 'route', 'ws', 'addEndpoint', 'onAny', 'handle',
]);

/** Nesting guard: deeper subtrees are not walked (a 10,000-level expression must not overflow the stack). */
export const MAX_DEPTH = 1200;

export function walkFile(tsm: typeof ts, sf: ts.SourceFile, text: string, file: string): FileFacts {
  const scope: Scope = {
    ts: tsm, sf, text, file, facts: emptyFacts(), bindings: new BindingMap(), libs: new Set(),
    fn: -1, fnNames: [], path: [], classes: [], stack: [], pendingParams: new Map(), tooDeep: false,
    mentionsOutbox: /outbox/i.test(text), mentionsSse: /text\/event-stream/i.test(text), outboxTables: new Set(), handlerFns: new Set(),
    returns: [], fnReturns: new Map(), fnIndex: new Map(), namesRe: null,
  };
  visit(scope, sf, 0);
  if (scope.tooDeep) scope.facts.note = 'too-deep';
  return scope.facts;
}

function visit(scope: Scope, node: ts.Node, depth: number): void {
  if (depth > MAX_DEPTH) {
    scope.tooDeep = true;
    return;
  }
  const t = scope.ts;
  const SK = t.SyntaxKind;
  // Types hold no constructs (annotations that matter are read where they are declared): in typed code
  // they are a large share of the nodes, so skipping them makes the walk much cheaper.
  if ((node.kind >= SK.FirstTypeNode && node.kind <= SK.LastTypeNode) || node.kind === SK.InterfaceDeclaration) return;
  scope.stack.push(node);
  try {
    switch (node.kind) {
      case SK.ImportDeclaration:
        onImport(scope, node as ts.ImportDeclaration);
        return;
      case SK.ImportEqualsDeclaration: {
        const ie = node as ts.ImportEqualsDeclaration;
        if (t.isExternalModuleReference(ie.moduleReference) && t.isStringLiteral(ie.moduleReference.expression)) {
          bindImport(scope, ie.name.text, ie.moduleReference.expression.text, 'default');
        }
        return;
      }
      case SK.ExportDeclaration:
        onExportDecl(scope, node as ts.ExportDeclaration);
        return;
      case SK.ExportAssignment: {
        const ea = node as ts.ExportAssignment;
        children(scope, node, depth);
        setExport(scope, 'default', ea.expression);
        return;
      }
      case SK.VariableDeclaration:
        onVariable(scope, node as ts.VariableDeclaration, depth);
        return;
      case SK.TypeAliasDeclaration: {
        // `type ChatSocket = Socket<…>`: the alias stands for the library type it names.
        const ta = node as ts.TypeAliasDeclaration;
        const tag = typeTag(scope, ta.type);
        if (tag?.k === 'inst') {
          scope.bindings.set(ta.name.text, { tag: tag.of });
          if (isExported(scope, ta)) scope.facts.exports[ta.name.text] = { tag: tag.of };
        }
        return;
      }
      case SK.EnumDeclaration: {
        const ed = node as ts.EnumDeclaration;
        const value = evalEnum(scope, ed);
        scope.bindings.set(ed.name.text, { value });
        if (isExported(scope, ed)) scope.facts.exports[ed.name.text] = { value };
        return;
      }
      case SK.ClassDeclaration:
      case SK.ClassExpression:
        onClass(scope, node as ts.ClassLikeDeclaration, depth);
        return;
      case SK.FunctionDeclaration:
      case SK.FunctionExpression:
      case SK.ArrowFunction:
      case SK.MethodDeclaration:
      case SK.Constructor:
      case SK.GetAccessor:
      case SK.SetAccessor:
        onFunction(scope, node as ts.FunctionLikeDeclaration, depth);
        return;
      case SK.CallExpression:
        onCall(scope, node as ts.CallExpression, depth);
        return;
      case SK.NewExpression:
        onNew(scope, node as ts.NewExpression, depth);
        return;
      case SK.TaggedTemplateExpression:
      case SK.StringLiteral:
      case SK.NoSubstitutionTemplateLiteral:
      case SK.TemplateExpression:
        onStringLocal(scope, node);
        children(scope, node, depth);
        return;
      case SK.IfStatement:
        onIf(scope, node as ts.IfStatement, depth);
        return;
      case SK.Block:
      case SK.SourceFile:
      case SK.ModuleBlock:
        onBlock(scope, (node as ts.Block).statements, depth);
        return;
      case SK.CaseClause:
      case SK.DefaultClause: {
        scope.path.push(`${node.pos}:case`);
        onBlock(scope, (node as ts.CaseClause).statements, depth);
        scope.path.pop();
        return;
      }
      case SK.ForOfStatement: {
        const fo = node as ts.ForOfStatement;
        visit(scope, fo.expression, depth + 1);
        const src = tagOf(scope, fo.expression);
        const init = fo.initializer;
        if (src && t.isVariableDeclarationList(init)) {
          const d = init.declarations[0];
          const tag: TagExpr = { k: 'param', of: src, m: 'iter', ev: null, i: 0 };
          if (d && t.isIdentifier(d.name)) scope.bindings.set(d.name.text, { tag });
          // `for (const [socket, peer] of peers)`: entries of a typed Map; either side may be the socket.
          if (d && t.isArrayBindingPattern(d.name)) {
            for (const el of d.name.elements) if (t.isBindingElement(el) && t.isIdentifier(el.name)) scope.bindings.set(el.name.text, { tag });
          }
        }
        visit(scope, fo.statement, depth + 1);
        return;
      }
      case SK.BinaryExpression:
        onBinary(scope, node as ts.BinaryExpression, depth);
        return;
      case SK.ReturnStatement: {
        const rs = node as ts.ReturnStatement;
        children(scope, node, depth);
        const top = scope.returns.length - 1;
        if (top >= 0 && !scope.returns[top] && rs.expression) scope.returns[top] = tagOf(scope, rs.expression);
        return;
      }
      case SK.PropertyAccessExpression: {
        const pa = node as ts.PropertyAccessExpression;
        if (t.isIdentifier(pa.expression) && pa.expression.text === 'Transport' && /^[A-Z_]+$/.test(pa.name.text)) {
          if (!scope.facts.transports.includes(pa.name.text)) scope.facts.transports.push(pa.name.text);
        }
        children(scope, node, depth);
        return;
      }
      default:
        children(scope, node, depth);
    }
  } finally {
    scope.stack.pop();
  }
}

function children(scope: Scope, node: ts.Node, depth: number): void {
  scope.ts.forEachChild(node, (c) => {
    visit(scope, c, depth + 1);
  });
}

function onBlock(scope: Scope, statements: ts.NodeArray<ts.Statement>, depth: number): void {
  const t = scope.ts;
  let pushed = 0;
  for (const st of statements) {
    visit(scope, st, depth + 1);
    // `if (c) { …; return }` without else: what follows runs only on the other path.
    if (t.isIfStatement(st) && !st.elseStatement && terminates(scope, st.thenStatement)) {
      scope.path.push(`${st.pos}:e`);
      pushed++;
    }
  }
  for (let i = 0; i < pushed; i++) scope.path.pop();
}

function terminates(scope: Scope, st: ts.Statement): boolean {
  const t = scope.ts;
  const last = t.isBlock(st) ? st.statements[st.statements.length - 1] : st;
  return !!last && (t.isReturnStatement(last) || t.isThrowStatement(last) || t.isContinueStatement(last) || t.isBreakStatement(last));
}

function onIf(scope: Scope, node: ts.IfStatement, depth: number): void {
  visit(scope, node.expression, depth + 1);
  scope.path.push(`${node.pos}:t`);
  visit(scope, node.thenStatement, depth + 1);
  scope.path.pop();
  if (node.elseStatement) {
    scope.path.push(`${node.pos}:e`);
    visit(scope, node.elseStatement, depth + 1);
    scope.path.pop();
  }
}

function bindImport(scope: Scope, local: string, spec: string, name: string): void {
  const b: Binding = { tag: importTag(spec, name) };
  if (isRelative(spec)) {
    b.value = { k: 'ref', spec, name, path: [] };
    if (!scope.facts.imports.includes(spec)) scope.facts.imports.push(spec);
  } else {
    scope.libs.add(spec);
  }
  scope.bindings.set(local, b);
}

function onImport(scope: Scope, node: ts.ImportDeclaration): void {
  const t = scope.ts;
  if (!t.isStringLiteral(node.moduleSpecifier)) return;
  const spec = node.moduleSpecifier.text;
  const clause = node.importClause;
  if (!clause) {
    if (!isRelative(spec)) scope.libs.add(spec);
    return;
  }
  if (clause.name) bindImport(scope, clause.name.text, spec, 'default');
  const nb = clause.namedBindings;
  if (nb && t.isNamespaceImport(nb)) bindImport(scope, nb.name.text, spec, '*');
  if (nb && t.isNamedImports(nb)) {
    for (const el of nb.elements) bindImport(scope, el.name.text, spec, (el.propertyName ?? el.name).text);
  }
}

function onExportDecl(scope: Scope, node: ts.ExportDeclaration): void {
  const t = scope.ts;
  const spec = node.moduleSpecifier && t.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : null;
  if (spec && isRelative(spec) && !scope.facts.imports.includes(spec)) scope.facts.imports.push(spec);
  if (!node.exportClause) {
    if (spec && isRelative(spec)) scope.facts.starExports.push(spec);
    return;
  }
  if (t.isNamedExports(node.exportClause)) {
    for (const el of node.exportClause.elements) {
      const local = (el.propertyName ?? el.name).text;
      const exported = el.name.text;
      if (spec) {
        const tag = importTag(spec, local);
        scope.facts.exports[exported] = isRelative(spec) ? { tag, value: { k: 'ref', spec, name: local, path: [] } } : { tag };
      } else {
        const b = scope.bindings.get(local);
        if (b) scope.facts.exports[exported] = entry(b);
      }
    }
  }
}

function entry(b: Binding): ExportEntry {
  const e: ExportEntry = {};
  if (b.tag) e.tag = b.tag;
  if (b.value && b.value.k !== 'unknown' && b.value.k !== 'param') e.value = b.value;
  if (b.fn !== undefined) e.fn = b.fn;
  return e;
}

function setExport(scope: Scope, name: string, expr: ts.Expression): void {
  const tag = tagOf(scope, expr);
  const value = evalValue(scope, expr);
  const fn = scope.ts.isIdentifier(expr) ? scope.bindings.get(expr.text)?.fn : undefined;
  scope.facts.exports[name] = entry({ tag, value, ...(fn !== undefined ? { fn } : {}) });
}

function isExported(scope: Scope, node: ts.Node): boolean {
  const t = scope.ts;
  const mods = t.canHaveModifiers(node) ? t.getModifiers(node) : undefined;
  return !!mods?.some((m) => m.kind === t.SyntaxKind.ExportKeyword);
}

function onVariable(scope: Scope, decl: ts.VariableDeclaration, depth: number): void {
  const t = scope.ts;
  if (decl.initializer) visit(scope, decl.initializer, depth + 1);
  const init = decl.initializer;
  if (t.isIdentifier(decl.name)) {
    const name = decl.name.text;
    const fnRet = init ? scope.fnReturns.get(unwrapFn(scope, init) ?? init) : undefined;
    const tag = (fnRet ? ({ k: 'fn', ret: fnRet } as TagExpr) : null) ?? (init ? tagOf(scope, init) : null) ?? typeTag(scope, decl.type);
    const value = init ? evalValue(scope, init) : null;
    const b: Binding = { tag, value };
    if (init) b.init = init;
    const fnIdx = init ? scope.fnIndex.get(unwrapFn(scope, init) ?? init) : undefined;
    if (fnIdx !== undefined) b.fn = fnIdx;
    scope.bindings.set(name, b);
    // Parent pointers are not set (cheaper parse): the statement is two levels up the ancestor stack.
    const stmt = scope.stack[scope.stack.length - 3];
    if (stmt && isExported(scope, stmt)) scope.facts.exports[name] = entry(b);
    return;
  }
  if (t.isObjectBindingPattern(decl.name) && init) {
    const baseTag = tagOf(scope, init);
    const baseValue = evalValue(scope, init);
    for (const el of decl.name.elements) {
      if (!t.isIdentifier(el.name)) continue;
      const key = el.propertyName ? propName(scope, el.propertyName) : el.name.text;
      if (!key) continue;
      const value: ValueExpr | null = baseValue.k === 'obj' ? (baseValue.props[key] ?? null) : baseValue.k === 'ref' ? { ...baseValue, path: [...baseValue.path, key] } : null;
      scope.bindings.set(el.name.text, { tag: baseTag ? { k: 'prop', of: baseTag, name: key } : null, value });
    }
  }
}

function onBinary(scope: Scope, be: ts.BinaryExpression, depth: number): void {
  const t = scope.ts;
  visit(scope, be.left, depth + 1);
  visit(scope, be.right, depth + 1);
  if (be.operatorToken.kind !== t.SyntaxKind.EqualsToken) return;
  const left = be.left;
  if (t.isPropertyAccessExpression(left) && left.expression.kind === t.SyntaxKind.ThisKeyword) {
    const tag = tagOf(scope, be.right);
    if (tag) scope.bindings.set(`this.${left.name.text}`, { tag });
    return;
  }
  if (t.isIdentifier(left)) {
    const tag = tagOf(scope, be.right);
    if (tag) scope.bindings.set(left.text, { tag, value: evalValue(scope, be.right) });
    return;
  }
  // CommonJS exports: `module.exports = x`, `module.exports.x = …`, `exports.x = …`.
  if (t.isPropertyAccessExpression(left)) {
    const lt = left.expression.getText(scope.sf);
    if (lt === 'module' && left.name.text === 'exports') {
      setExport(scope, 'default', be.right);
      if (t.isObjectLiteralExpression(be.right)) {
        for (const p of be.right.properties) {
          const n = p.name ? propName(scope, p.name) : null;
          if (!n) continue;
          if (t.isShorthandPropertyAssignment(p)) setExport(scope, n, p.name);
          else if (t.isPropertyAssignment(p)) setExport(scope, n, p.initializer);
        }
      }
    } else if (lt === 'exports' || lt === 'module.exports') {
      setExport(scope, left.name.text, be.right);
    }
  }
}

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

function onClass(scope: Scope, cls: ts.ClassLikeDeclaration, depth: number): void {
  const t = scope.ts;
  const name = cls.name?.text ?? null;
  let base: TagExpr | null = null;
  for (const h of cls.heritageClauses ?? []) {
    if (h.token === t.SyntaxKind.ExtendsKeyword && h.types[0]) base = tagOf(scope, h.types[0].expression);
  }
  const clsTag: TagExpr = { k: 'cls', base };
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
  scope.classes.push({ name, decorators: decorators.map(({ callee, args, name: n }) => ({ callee, args, name: n })) });
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
  for (const h of cls.heritageClauses ?? []) visit(scope, h, depth + 1);
  for (const m of cls.members) visit(scope, m, depth + 1);
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
}

/** A parameter's tag: its type annotation, refined by `@InjectQueue('name')` / `@Inject(TOKEN)`. */
function paramTag(scope: Scope, p: ts.ParameterDeclaration): TagExpr | null {
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
  }
  if (base && base.k === 'inst') return { k: 'inst', of: base.of, name };
  if (injected) return { k: 'inst', of: injected, name };
  if (!p.type && p.initializer) return tagOf(scope, p.initializer);
  void t;
  return null;
}

function fnName(scope: Scope, node: ts.FunctionLikeDeclaration): string | null {
  const t = scope.ts;
  const cls = scope.classes[scope.classes.length - 1];
  const parent = scope.stack[scope.stack.length - 2];
  const own = node.name && (t.isIdentifier(node.name) || t.isStringLiteral(node.name) || t.isPrivateIdentifier(node.name)) ? node.name.text : null;
  if (t.isConstructorDeclaration(node)) return cls?.name ? `${cls.name}.constructor` : 'constructor';
  if (t.isMethodDeclaration(node) || t.isGetAccessor(node) || t.isSetAccessor(node)) {
    if (parent && t.isClassLike(parent)) return cls?.name && own ? `${cls.name}.${own}` : own;
    return own;
  }
  if (own) return own;
  if (parent && t.isVariableDeclaration(parent) && t.isIdentifier(parent.name)) return parent.name.text;
  if (parent && t.isPropertyAssignment(parent)) return propName(scope, parent.name);
  if (parent && t.isPropertyDeclaration(parent) && t.isIdentifier(parent.name)) return cls?.name ? `${cls.name}.${parent.name.text}` : parent.name.text;
  return null;
}

function onFunction(scope: Scope, node: ts.FunctionLikeDeclaration, depth: number): void {
  const t = scope.ts;
  const name = fnName(scope, node);
  const savedFn = scope.fn;
  const savedPath = scope.path;
  // Anonymous callbacks inside a function belong to it (a write inside `$transaction(async tx => …)` and a
  // publish after it are one path); at module level each anonymous handler is its own function.
  const isHandler = scope.handlerFns.has(node);
  if (name !== null || scope.fn === -1 || isHandler) {
    // Most files never mention an outbox: test the function's text only when the file does.
    const outbox = scope.mentionsOutbox && /outbox/i.test(scope.text.slice(node.getStart(scope.sf), node.getEnd()));
    const inherited = isHandler && name === null && scope.fn >= 0 ? (scope.facts.fns[scope.fn]?.name ?? null) : name;
    scope.facts.fns.push({ name: inherited, writes: [], outbox });
    scope.fn = scope.facts.fns.length - 1;
    scope.path = [];
  }
  // Parameters of a named, non-handler function are symbolic: a channel built from them is filled in by
  // each caller (wrappers such as `publishEvent(topic, payload)`).
  const wrapperCandidate = name !== null && !isHandler && scope.fn >= 0;
  if (wrapperCandidate) scope.fnIndex.set(node, scope.fn);
  if (t.isFunctionDeclaration(node) && node.name) {
    const b: Binding = { tag: null, init: node };
    if (wrapperCandidate) b.fn = scope.fn;
    scope.bindings.set(node.name.text, b);
    if (wrapperCandidate && isExported(scope, node)) scope.facts.exports[node.name.text] = { fn: scope.fn };
  }
  const pending = scope.pendingParams.get(node);
  node.parameters.forEach((p, i) => {
    if (t.isIdentifier(p.name)) {
      const tag = paramTag(scope, p) ?? pending?.[i] ?? null;
      scope.bindings.set(p.name.text, wrapperCandidate ? { tag, value: { k: 'param', i } } : { tag });
    } else if (t.isObjectBindingPattern(p.name)) {
      const base = pending?.[i] ?? null;
      for (const el of p.name.elements) {
        if (!t.isIdentifier(el.name)) continue;
        const key = el.propertyName ? propName(scope, el.propertyName) : el.name.text;
        scope.bindings.set(el.name.text, { tag: base && key ? { k: 'prop', of: base, name: key } : null });
      }
    }
    if (p.initializer) visit(scope, p.initializer, depth + 1);
  });
  scope.returns.push(null);
  // A function of its own whose body mentions nothing bound to a library, no `this` of an interesting
  // class and no construct token cannot hold a detection, a binding or a write that matters: skip it.
  const ownFunction = scope.fn !== savedFn;
  if (node.body && !(ownFunction && t.isBlock(node.body) && !bodyMayMatter(scope, node.body))) visit(scope, node.body, depth + 1);
  let ret = scope.returns.pop() ?? null;
  if (!ret && node.body && !t.isBlock(node.body)) ret = tagOf(scope, node.body);
  if (ret) {
    scope.fnReturns.set(node, ret);
    if (t.isFunctionDeclaration(node) && node.name) {
      const tag: TagExpr = { k: 'fn', ret };
      const b: Binding = { tag, init: node };
      const idx = scope.fnIndex.get(node);
      if (idx !== undefined) b.fn = idx;
      scope.bindings.set(node.name.text, b);
      if (isExported(scope, node)) scope.facts.exports[node.name.text] = { tag, ...(b.fn !== undefined ? { fn: b.fn } : {}) };
    }
  }
  scope.fn = savedFn;
  scope.path = savedPath;
}

function onCall(scope: Scope, call: ts.CallExpression, depth: number): void {
  const t = scope.ts;
  const callee = call.expression;
  let recv: TagExpr | null = null;
  let method: string | null = null;
  let calleeTag: TagExpr | null = null;
  if (t.isPropertyAccessExpression(callee)) {
    method = callee.name.text;
    visit(scope, callee.expression, depth + 1);
    recv = tagOf(scope, callee.expression);
  } else {
    visit(scope, callee, depth + 1);
    calleeTag = tagOf(scope, callee);
  }
  if (method && HANDLER_METHODS.has(method)) {
    for (const a of call.arguments) {
      const f = unwrapFn(scope, a);
      if (f) scope.handlerFns.add(f);
      if (t.isObjectLiteralExpression(a)) {
        for (const p of a.properties) {
          const pf = t.isPropertyAssignment(p) ? unwrapFn(scope, p.initializer) : t.isMethodDeclaration(p) ? p : null;
          if (pf) scope.handlerFns.add(pf);
        }
      }
    }
  }
  const ev = call.arguments[0] ? evalValue(scope, call.arguments[0]) : null;
  const evStr = ev && ev.k === 'str' ? ev.v : null;
  const owner = recv ?? calleeTag;
  if (owner) {
    const m = method ?? '()';
    call.arguments.forEach((a, i) => {
      const fnArg = unwrapFn(scope, a);
      if (fnArg) scope.pendingParams.set(fnArg, fnArg.parameters.map((_, pi) => ({ k: 'param', of: owner, m: `${m}#${i}`, ev: evStr, i: pi })));
      if (t.isObjectLiteralExpression(a)) {
        for (const p of a.properties) {
          const f = t.isPropertyAssignment(p) ? unwrapFn(scope, p.initializer) : t.isMethodDeclaration(p) ? p : null;
          const key = p.name ? propName(scope, p.name) : null;
          if (f) scope.pendingParams.set(f, f.parameters.map((_, pi) => ({ k: 'param', of: owner, m: `${m}.${key ?? ''}`, ev: evStr, i: pi })));
        }
      }
    });
  }
  // Plain calls are constructs only when they call a library function (`io(url)`, `createWSClient()`).
  const isSite = (recv && method && SITE_METHODS.has(method)) || (calleeTag && !method && fromLibrary(calleeTag));
  if (isSite) {
    const tokenNode = t.isPropertyAccessExpression(callee) ? callee.name : callee;
    scope.facts.sites.push({
      kind: 'call', recv, callee: calleeTag, method, args: call.arguments.slice(0, 12).map((a) => evalValue(scope, a)),
      pos: posOf(scope, call, tokenNode), fn: scope.fn, path: [...scope.path], snippet: snippetOf(scope, call),
    });
  }
  if (!method && t.isIdentifier(callee) && call.arguments.length > 0) recordWrapperCall(scope, call, callee);
  // `expressWs(app)` upgrades `app` in place: later `app.ws(route)` calls are WebSocket routes.
  if (calleeTag?.k === 'lib' && calleeTag.mod === 'express-ws' && call.arguments[0] && t.isIdentifier(call.arguments[0])) {
    scope.bindings.set(call.arguments[0].text, { tag: { k: 'prop', of: { k: 'call', of: calleeTag, arg0: null }, name: 'app' } });
  }
  onCallLocal(scope, call, method);
  for (const a of call.arguments) visit(scope, a, depth + 1);
  if (call.typeArguments) for (const ta of call.typeArguments) visit(scope, ta, depth + 1);
}

/** Calls of workspace functions with arguments: the linker turns those of wrappers into detections. */
function recordWrapperCall(scope: Scope, call: ts.CallExpression, callee: ts.Identifier): void {
  const b = scope.bindings.get(callee.text);
  if (!b) return;
  let target: { fn: number } | { spec: string; name: string } | null = null;
  if (b.fn !== undefined) target = { fn: b.fn };
  else if (b.tag?.k === 'imp') target = { spec: b.tag.spec, name: b.tag.name };
  if (!target) return;
  scope.facts.calls.push({
    callee: target, args: call.arguments.slice(0, 6).map((a) => evalValue(scope, a)), pos: posOf(scope, call, callee),
    fn: scope.fn, path: [...scope.path], snippet: snippetOf(scope, call),
  });
}

/** Construct tokens that need no binding (SSE, outbox, SQL, mutations, tRPC, fetch readers, requires…). */
const STATIC_TOKENS =
  /text\/event-stream|[Oo]utbox|OUTBOX|Mutation|mutationOptions|\.subscription\b|\bfetch\b|streamSSE|\bSELECT\b|\brequire\b|\bimport\s*\(|EventSource|WebSocket|Transport\./;
const THIS = /\bthis\b|\bsuper\b/;

/** Bodies shorter than this are walked without the check (it would cost more than the walk). */
const SKIP_CHECK_MIN_CHARS = 1500;

function bodyMayMatter(scope: Scope, body: ts.Block): boolean {
  const start = body.getStart(scope.sf);
  if (body.getEnd() - start < SKIP_CHECK_MIN_CHARS) return true;
  const text = scope.text.slice(start, body.getEnd());
  if (STATIC_TOKENS.test(text)) return true;
  // `this` only matters in classes with a library base or library-bound fields.
  if (THIS.test(text) && thisMatters(scope)) return true;
  const re = namesRegex(scope);
  return !!re && re.test(text);
}

function thisMatters(scope: Scope): boolean {
  const self = scope.bindings.get('this')?.tag;
  if (self?.k === 'new' && self.of.k === 'cls' && (self.of.base || self.of.members)) return true;
  for (const [k, v] of scope.bindings) if (k.startsWith('this.') && v.tag) return true;
  return false;
}

/** Names whose use can make a construct: tagged bindings, workspace functions, imports. */
function namesRegex(scope: Scope): RegExp | null {
  if (scope.namesRe?.version === scope.bindings.version) return scope.namesRe.re;
  const names: string[] = [];
  for (const [k, v] of scope.bindings) {
    if (k === 'this' || k.startsWith('this.')) continue;
    if (v.tag || v.fn !== undefined) names.push(k.replace(/\$/g, '\\$'));
  }
  const re = names.length ? new RegExp(`(?<![\\w$.])(?:${names.join('|')})(?![\\w$])`) : null;
  scope.namesRe = { version: scope.bindings.version, re };
  return re;
}

/** Plain calls, `new` and decorators are constructs only when rooted in a library or a global. */
function fromLibrary(tag: TagExpr): boolean {
  const root = rootOf(tag);
  return root.k === 'lib' || root.k === 'global';
}

function unwrapFn(scope: Scope, node: ts.Node): ts.FunctionLikeDeclaration | null {
  const t = scope.ts;
  let n = node;
  while (t.isParenthesizedExpression(n) || t.isAsExpression(n)) n = n.expression;
  return t.isArrowFunction(n) || t.isFunctionExpression(n) ? n : null;
}

function onNew(scope: Scope, ne: ts.NewExpression, depth: number): void {
  const t = scope.ts;
  visit(scope, ne.expression, depth + 1);
  const calleeTag = tagOf(scope, ne.expression);
  if (calleeTag && fromLibrary(calleeTag)) {
    let adapterPos;
    for (const a of ne.arguments ?? []) {
      if (!t.isObjectLiteralExpression(a)) continue;
      const p = a.properties.find((q) => q.name && t.isIdentifier(q.name) && q.name.text === 'adapter');
      if (p) adapterPos = posOf(scope, p);
    }
    scope.facts.sites.push({
      kind: 'new', recv: null, callee: calleeTag, method: null, args: (ne.arguments ?? []).slice(0, 4).map((a) => evalValue(scope, a)),
      pos: posOf(scope, ne), fn: scope.fn, path: [...scope.path], snippet: snippetOf(scope, ne), ...(adapterPos ? { adapterPos } : {}),
    });
    const owner = calleeTag;
    (ne.arguments ?? []).forEach((a, i) => {
      const fnArg = unwrapFn(scope, a);
      if (fnArg) scope.pendingParams.set(fnArg, fnArg.parameters.map((_, pi) => ({ k: 'param', of: owner, m: `new#${i}`, ev: null, i: pi })));
    });
  }
  onNewLocal(scope, ne);
  for (const a of ne.arguments ?? []) visit(scope, a, depth + 1);
}
