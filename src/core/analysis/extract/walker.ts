// One pass over a file's AST, in source order: maintains name bindings (imports, requires, `new`, factory
// calls, class fields, injected constructor parameters, callback parameters, destructuring), records
// call/new/decorator sites whose receiver is bound to something, and runs the local (tag-free) rules.
// Classes, functions and calls are handled in classes.ts, functions.ts and calls.ts; they recurse
// through `scope.visit`.
import type ts from 'typescript';
import type { ExportEntry, FileFacts, TagExpr, ValueExpr, WrapperCall } from './facts';
import { emptyFacts } from './facts';
import type { Binding, Scope } from './scope';
import { BindingMap, bindLocal, isExported } from './scope';
import { importTag, isRelative, tagOf, typeTag } from './tags';
import { evalEnum, evalValue, propName } from './values';
import { onStringLocal } from './localRules';
import { onClass } from './classes';
import { onFunction } from './functions';
import { onCall, onNew, unwrapFn } from './calls';
import { spendWork } from './workBudget';
import { bindFieldFromParam } from './constructorArgs';
import { isModuleObjectAlias, moduleObjectTag } from './moduleObject';
import { bindLoopValue } from './loopValues';
import { nestTransportRoles } from './nestTransports';

/** Nesting guard: deeper subtrees are not walked (a 10,000-level expression must not overflow the stack). */
export const MAX_DEPTH = 1200;

export function walkFile(tsm: typeof ts, sf: ts.SourceFile, text: string, file: string): FileFacts {
  const scope: Scope = {
    ts: tsm, sf, text, file, facts: emptyFacts(), bindings: new BindingMap(), libs: new Set(),
    visit: () => undefined, fn: -1, path: [], classes: [], stack: [], pendingParams: new Map(), tooDeep: false,
    mentionsOutbox: /outbox/i.test(text), mentionsSse: /text\/event-stream/i.test(text), mentionsFastify: /fastify/i.test(text), outboxTables: new Set(), handlerFns: new Set(),
    returns: [], fnReturns: new Map(), fnValues: new Map(), fnIndex: new Map(), namesRe: null, childVisitors: [], handlers: handlers(tsm), locals: [], hoisted: null, lateCalls: [],
  };
  scope.visit = (node, depth) => visit(scope, node, depth);
  scope.visit(sf, 0);
  resolveLateCalls(scope);
  if (text.includes('Transport.')) {
    transportsInText(scope);
    nestTransportRoles(scope);
  }
  if (scope.tooDeep) scope.facts.note = 'too-deep';
  return scope.facts;
}

const TRANSPORT_MENTION = /\bTransport\.([A-Z_]+)\b/g;
const COMMENT_LEAD = /^[ \t]*(?:\/\/|\/\*|\*)/;

/**
 * NestJS transports named anywhere in code, decorator arguments included (`ClientsModule.register([{
 * transport: Transport.RMQ }])` inside `@Module({ imports })`, which the walk does not descend into).
 */
function transportsInText(scope: Scope): void {
  for (const m of scope.text.matchAll(TRANSPORT_MENTION)) {
    const at = m.index ?? 0;
    if (COMMENT_LEAD.test(scope.text.slice(scope.text.lastIndexOf('\n', at - 1) + 1, at))) continue;
    const name = m[1] ?? '';
    if (name && !scope.facts.transports.includes(name)) scope.facts.transports.push(name);
  }
}

/** Calls made before a hoisted function's declaration point at it once the walk has indexed it. */
function resolveLateCalls(scope: Scope): void {
  if (scope.lateCalls.length === 0) return;
  const dropped = new Set<WrapperCall>();
  for (const { call, name } of scope.lateCalls) {
    const fn = scope.bindings.get(name)?.fn;
    if (fn === undefined) dropped.add(call);
    else call.callee = { fn };
  }
  if (dropped.size > 0) scope.facts.calls = scope.facts.calls.filter((c) => !dropped.has(c));
}

/**
 * What `visit` does with a node kind: the node-kind → action table (`handlers`) holds one of these per
 * `SyntaxKind`, so dispatch is one array read instead of ~35 `SyntaxKind` tests per node.
 *   Default        walk the children, nothing else
 *   Skip           do not descend (type nodes, interfaces: they hold no constructs)
 *   Import, ImportEquals, ExportDecl, ExportAssign   bind imported names / record exports
 *   Variable       bind a declared name to its tag and value
 *   TypeAlias, Enum   bind an alias of a library type / an enum's values
 *   Class, Function   classes.ts / functions.ts (scopes, `this`, parameters, wrapper candidates)
 *   Call, New      calls.ts (sites, wrapper calls, callback parameters)
 *   StringLike     local rules on string/template literals (SSE headers, SQL, outbox names)
 *   If, Block, Case   branch paths for dual-write exclusivity
 *   ForOf          bind the loop variable (an element of a typed collection, or of a known list)
 *   Binary         assignments (`this.x =`, `module.exports =`, re-binding a name)
 *   Return         the enclosing function's returned tag
 *   PropertyAccess NestJS `Transport.X` mentions
 */
const enum NodeAction {
  Default, Skip, Import, ImportEquals, ExportDecl, ExportAssign, Variable, TypeAlias, Enum, Class, Function, Call, New,
  StringLike, If, Block, Case, ForOf, Binary, Return, PropertyAccess,
}

let handlerTable: Uint8Array | null = null;
let handlerTableFor: typeof ts | null = null;

/** Node kind → handler, built once for the TypeScript module in use (kind numbers differ by version). */
function handlers(t: typeof ts): Uint8Array {
  if (handlerTable && handlerTableFor === t) return handlerTable;
  const SK = t.SyntaxKind;
  let max = 0;
  for (const v of Object.values(SK)) if (typeof v === 'number' && v > max) max = v;
  const table = new Uint8Array(max + 1);
  // Types hold no constructs (annotations that matter are read where they are declared): in typed code
  // they are a large share of the nodes, so skipping them makes the walk much cheaper.
  for (let k = SK.FirstTypeNode; k <= SK.LastTypeNode; k++) table[k] = NodeAction.Skip;
  const set = (h: NodeAction, ...kinds: ts.SyntaxKind[]): void => {
    for (const k of kinds) table[k] = h;
  };
  set(NodeAction.Skip, SK.InterfaceDeclaration);
  set(NodeAction.Import, SK.ImportDeclaration);
  set(NodeAction.ImportEquals, SK.ImportEqualsDeclaration);
  set(NodeAction.ExportDecl, SK.ExportDeclaration);
  set(NodeAction.ExportAssign, SK.ExportAssignment);
  set(NodeAction.Variable, SK.VariableDeclaration);
  set(NodeAction.TypeAlias, SK.TypeAliasDeclaration);
  set(NodeAction.Enum, SK.EnumDeclaration);
  set(NodeAction.Class, SK.ClassDeclaration, SK.ClassExpression);
  set(NodeAction.Function, SK.FunctionDeclaration, SK.FunctionExpression, SK.ArrowFunction, SK.MethodDeclaration, SK.Constructor, SK.GetAccessor, SK.SetAccessor);
  set(NodeAction.Call, SK.CallExpression);
  set(NodeAction.New, SK.NewExpression);
  set(NodeAction.StringLike, SK.TaggedTemplateExpression, SK.StringLiteral, SK.NoSubstitutionTemplateLiteral, SK.TemplateExpression);
  set(NodeAction.If, SK.IfStatement);
  set(NodeAction.Block, SK.Block, SK.SourceFile, SK.ModuleBlock);
  set(NodeAction.Case, SK.CaseClause, SK.DefaultClause);
  set(NodeAction.ForOf, SK.ForOfStatement);
  set(NodeAction.Binary, SK.BinaryExpression);
  set(NodeAction.Return, SK.ReturnStatement);
  set(NodeAction.PropertyAccess, SK.PropertyAccessExpression);
  handlerTable = table;
  handlerTableFor = t;
  return table;
}

function visit(scope: Scope, node: ts.Node, depth: number): void {
  spendWork();
  if (depth > MAX_DEPTH) {
    scope.tooDeep = true;
    return;
  }
  const t = scope.ts;
  const h = scope.handlers[node.kind] ?? NodeAction.Default;
  if (h === NodeAction.Skip) return;
  scope.stack.push(node);
  try {
    switch (h) {
      case NodeAction.Import:
        onImport(scope, node as ts.ImportDeclaration);
        return;
      case NodeAction.ImportEquals: {
        const ie = node as ts.ImportEqualsDeclaration;
        if (t.isExternalModuleReference(ie.moduleReference) && t.isStringLiteral(ie.moduleReference.expression)) {
          bindImport(scope, ie.name.text, ie.moduleReference.expression.text, 'default');
        }
        return;
      }
      case NodeAction.ExportDecl:
        onExportDecl(scope, node as ts.ExportDeclaration);
        return;
      case NodeAction.ExportAssign: {
        const ea = node as ts.ExportAssignment;
        children(scope, node, depth);
        setExport(scope, 'default', ea.expression);
        return;
      }
      case NodeAction.Variable:
        onVariable(scope, node as ts.VariableDeclaration, depth);
        return;
      case NodeAction.TypeAlias: {
        // `type ChatSocket = Socket<…>`: the alias stands for the library type it names.
        const ta = node as ts.TypeAliasDeclaration;
        const tag = typeTag(scope, ta.type);
        if (tag?.k === 'inst') {
          scope.bindings.set(ta.name.text, { tag: tag.of });
          if (isExported(scope, ta)) scope.facts.exports[ta.name.text] = { tag: tag.of };
        }
        return;
      }
      case NodeAction.Enum: {
        const ed = node as ts.EnumDeclaration;
        const value = evalEnum(scope, ed);
        scope.bindings.set(ed.name.text, { value });
        if (isExported(scope, ed)) scope.facts.exports[ed.name.text] = { value };
        return;
      }
      case NodeAction.Class:
        onClass(scope, node as ts.ClassLikeDeclaration, depth);
        return;
      case NodeAction.Function:
        onFunction(scope, node as ts.FunctionLikeDeclaration, depth);
        return;
      case NodeAction.Call:
        onCall(scope, node as ts.CallExpression, depth);
        return;
      case NodeAction.New:
        onNew(scope, node as ts.NewExpression, depth);
        return;
      case NodeAction.StringLike:
        onStringLocal(scope, node);
        children(scope, node, depth);
        return;
      case NodeAction.If:
        onIf(scope, node as ts.IfStatement, depth);
        return;
      case NodeAction.Block:
        onBlock(scope, (node as ts.Block).statements, depth);
        return;
      case NodeAction.Case: {
        scope.path.push(`${node.pos}:case`);
        onBlock(scope, (node as ts.CaseClause).statements, depth);
        scope.path.pop();
        return;
      }
      case NodeAction.ForOf: {
        const fo = node as ts.ForOfStatement;
        visit(scope, fo.expression, depth + 1);
        const src = tagOf(scope, fo.expression);
        const init = fo.initializer;
        if (src && t.isVariableDeclarationList(init)) {
          const d = init.declarations[0];
          const tag: TagExpr = { k: 'param', of: src, m: 'iter', ev: null, i: 0 };
          if (d && t.isIdentifier(d.name)) bindLocal(scope, d.name.text, { tag });
          // `for (const [socket, peer] of peers)`: entries of a typed Map; either side may be the socket.
          if (d && t.isArrayBindingPattern(d.name)) {
            for (const el of d.name.elements) if (t.isBindingElement(el) && t.isIdentifier(el.name)) bindLocal(scope, el.name.text, { tag });
          }
        } else if (t.isVariableDeclarationList(init)) bindLoopValue(scope, init, fo.expression);
        visit(scope, fo.statement, depth + 1);
        return;
      }
      case NodeAction.Binary:
        onBinary(scope, node as ts.BinaryExpression, depth);
        return;
      case NodeAction.Return: {
        const rs = node as ts.ReturnStatement;
        children(scope, node, depth);
        const top = scope.returns.length - 1;
        if (top >= 0 && !scope.returns[top] && rs.expression) scope.returns[top] = tagOf(scope, rs.expression);
        return;
      }
      case NodeAction.PropertyAccess: {
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
  const d = depth + 1;
  let cb = scope.childVisitors[d];
  if (!cb) {
    cb = (c: ts.Node): void => {
      scope.visit(c, d);
    };
    scope.childVisitors[d] = cb;
  }
  scope.ts.forEachChild(node, cb);
}

function onBlock(scope: Scope, statements: ts.NodeArray<ts.Statement>, depth: number): void {
  const t = scope.ts;
  let pushed = 0;
  for (const st of statements) {
    scope.visit(st, depth + 1);
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
  scope.visit(node.expression, depth + 1);
  scope.path.push(`${node.pos}:t`);
  scope.visit(node.thenStatement, depth + 1);
  scope.path.pop();
  if (node.elseStatement) {
    scope.path.push(`${node.pos}:e`);
    scope.visit(node.elseStatement, depth + 1);
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
    // A bare specifier may still be the workspace's own (a tsconfig `paths` alias, a workspace package):
    // its values resolve through the engine when it maps to a file, and stay unknown for libraries.
    if (!spec.startsWith('node:')) b.value = { k: 'ref', spec, name, path: [] };
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

export function entry(b: Binding): ExportEntry {
  const e: ExportEntry = {};
  if (b.tag) e.tag = b.tag;
  if (b.value && b.value.k !== 'unknown' && b.value.k !== 'param') e.value = b.value;
  if (b.fn !== undefined) e.fn = b.fn;
  return e;
}

export function setExport(scope: Scope, name: string, expr: ts.Expression): void {
  // `exports.room = function (id) { return io.to(id) }`: calls of the export give what the function returns.
  const fnRet = scope.fnReturns.get(unwrapFn(scope, expr) ?? expr);
  const tag = fnRet ? ({ k: 'fn', ret: fnRet } as TagExpr) : tagOf(scope, expr);
  const value = evalValue(scope, expr);
  // `module.exports = function streamRouter(feed) {…}`: the exported function itself.
  const fn = scope.ts.isIdentifier(expr) ? scope.bindings.get(expr.text)?.fn : scope.ts.isFunctionExpression(expr) || scope.ts.isArrowFunction(expr) ? scope.fnIndex.get(expr) : undefined;
  scope.facts.exports[name] = entry({ tag, value, ...(fn !== undefined ? { fn } : {}) });
}


function onVariable(scope: Scope, decl: ts.VariableDeclaration, depth: number): void {
  const t = scope.ts;
  if (decl.initializer) scope.visit(decl.initializer, depth + 1);
  const init = decl.initializer;
  if (t.isIdentifier(decl.name)) {
    const name = decl.name.text;
    const fnRet = init ? scope.fnReturns.get(unwrapFn(scope, init) ?? init) : undefined;
    const tag = (fnRet ? ({ k: 'fn', ret: fnRet } as TagExpr) : null) ?? (init ? tagOf(scope, init) : null) ?? typeTag(scope, decl.type) ?? moduleObjectTag(scope, init);
    const value = init ? evalValue(scope, init) : null;
    const b: Binding = { tag, value };
    if (init) b.init = init;
    const fnIdx = init ? scope.fnIndex.get(unwrapFn(scope, init) ?? init) : undefined;
    if (fnIdx !== undefined) b.fn = fnIdx;
    bindLocal(scope, name, b);
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
      bindLocal(scope, el.name.text, { tag: baseTag ? { k: 'prop', of: baseTag, name: key } : null, value });
    }
  }
}

function onBinary(scope: Scope, be: ts.BinaryExpression, depth: number): void {
  const t = scope.ts;
  scope.visit(be.left, depth + 1);
  scope.visit(be.right, depth + 1);
  if (be.operatorToken.kind !== t.SyntaxKind.EqualsToken) return;
  const left = be.left;
  if (t.isPropertyAccessExpression(left) && left.expression.kind === t.SyntaxKind.ThisKeyword) {
    const tag = tagOf(scope, be.right);
    if (tag) scope.bindings.set(`this.${left.name.text}`, { tag });
    else bindFieldFromParam(scope, left.name.text, be.right);
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
    } else if (lt === 'exports' || lt === 'module.exports' || (t.isIdentifier(left.expression) && isModuleObjectAlias(scope, lt))) {
      setExport(scope, left.name.text, be.right);
    }
  }
}

