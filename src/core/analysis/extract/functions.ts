// Function-likes: their FnInfo (name, writes, outbox mention), parameter bindings (tags, wrapper
// parameters), return tags, and skipping bodies that cannot matter.
import type ts from 'typescript';
import type { TagExpr, ValueExpr } from './facts';
import type { Binding, Scope } from './scope';
import { bindLocal, isExported, restoreLocals } from './scope';
import { tagOf, typeTag } from './tags';
import { evalValue, propName } from './values';
import { paramTag } from './classes';
import { es5ClassOf } from './es5Classes';

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
  // `module.exports.onJoin = (socket) => {…}`, `handlers.onJoin = function (…) {…}`: named by the member.
  if (parent && t.isBinaryExpression(parent) && parent.right === node && parent.operatorToken.kind === t.SyntaxKind.EqualsToken && t.isPropertyAccessExpression(parent.left)) {
    return parent.left.name.text;
  }
  if (parent && t.isPropertyDeclaration(parent) && t.isIdentifier(parent.name)) return cls?.name ? `${cls.name}.${parent.name.text}` : parent.name.text;
  return null;
}

export function onFunction(scope: Scope, node: ts.FunctionLikeDeclaration, depth: number): void {
  const t = scope.ts;
  const name = fnName(scope, node);
  const savedFn = scope.fn;
  const savedPath = scope.path;
  // Anonymous callbacks inside a function belong to it (a write inside `$transaction(async tx => …)` and a
  // publish after it are one path); at module level each anonymous handler is its own function.
  const isHandler = scope.handlerFns.has(node);
  // Test callbacks (`it('…', async () => …)`) are separate functions: a write in one test and a publish in
  // its sibling never run as one path.
  if (name !== null || scope.fn === -1 || isHandler || isTestCallback(scope, node)) {
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
  if (wrapperCandidate) {
    scope.fnIndex.set(node, scope.fn);
    // A class's methods are reachable through its instances (`bus.publishUpdate(…)`).
    const parent = scope.stack[scope.stack.length - 2];
    const cls = scope.classes[scope.classes.length - 1];
    if (cls && parent && t.isClassLike(parent) && t.isMethodDeclaration(node) && node.name && t.isIdentifier(node.name)) cls.methods[node.name.text] = scope.fn;
    // `publish = async (topic, payload) => { … }` as a class property.
    const owner = scope.stack[scope.stack.length - 3];
    if (cls && parent && owner && t.isPropertyDeclaration(parent) && t.isIdentifier(parent.name) && t.isClassLike(owner)) cls.methods[parent.name.text] = scope.fn;
    // `constructor(socket) { this.socket = socket }`: what `new C(x)` passes types the field (constructorArgs.ts).
    if (cls?.tag.k === 'cls' && t.isConstructorDeclaration(node) && node.parameters.length > 0) cls.tag.ctor = scope.fn;
  }
  if (t.isFunctionDeclaration(node) && node.name) {
    const b: Binding = { tag: null, init: node };
    if (wrapperCandidate) b.fn = scope.fn;
    scope.bindings.set(node.name.text, b);
    if (wrapperCandidate && isExported(scope, node)) scope.facts.exports[node.name.text] = { fn: scope.fn };
  }
  scope.locals.push(new Map());
  // `function Room() {}` / `Room.prototype.m = function () {}` after `util.inherits(Room, EventEmitter)`.
  const es5 = es5ClassOf(scope, node);
  const outerThis = es5 ? scope.bindings.get('this') : undefined;
  if (es5) scope.bindings.set('this', { tag: { k: 'new', of: es5.tag, arg0: null } });
  const pending = scope.pendingParams.get(node);
  const conventional = socketIoHandlerParams(scope, node);
  node.parameters.forEach((p, i) => {
    if (t.isIdentifier(p.name)) {
      const tag = paramTag(scope, p) ?? pending?.[i] ?? conventional.get(p.name.text) ?? null;
      bindLocal(scope, p.name.text, wrapperCandidate ? { tag, value: { k: 'param', i }, ...(tag ? {} : { paramOf: scope.fn }) } : { tag });
    } else if (t.isObjectBindingPattern(p.name)) {
      const base = pending?.[i] ?? null;
      // `({ nats }: { nats: NatsClient })` (awilix/tsyringe cradles): the member's annotation types it.
      const typeLit = !base && p.type && t.isTypeLiteralNode(p.type) ? p.type : null;
      for (const el of p.name.elements) {
        if (!t.isIdentifier(el.name)) continue;
        const key = el.propertyName ? propName(scope, el.propertyName) : el.name.text;
        const typed = typeLit && key ? memberType(scope, typeLit, key) : null;
        bindLocal(scope, el.name.text, { tag: base && key ? { k: 'prop', of: base, name: key } : typed });
      }
    }
    if (p.initializer) scope.visit(p.initializer, depth + 1);
  });
  scope.returns.push(null);
  // A function of its own whose body mentions nothing bound to a library, no `this` of an interesting
  // class and no construct token cannot hold a detection, a binding or a write that matters: skip it.
  const ownFunction = scope.fn !== savedFn;
  if (node.body && !(ownFunction && t.isBlock(node.body) && !bodyMayMatter(scope, node.body))) scope.visit(node.body, depth + 1);
  if (wrapperCandidate && node.body) recordReturnValue(scope, node, node.body);
  let ret = scope.returns.pop() ?? null;
  if (!ret && node.body && !t.isBlock(node.body)) ret = tagOf(scope, node.body);
  restoreLocals(scope);
  if (ret) {
    scope.fnReturns.set(node, ret);
    // `async connect() { …; return this }`: calls of the method give the instance back (fluent setup).
    const cls = scope.classes[scope.classes.length - 1];
    if (cls?.tag.k === 'cls' && t.isMethodDeclaration(node) && node.name && t.isIdentifier(node.name) && ret === scope.bindings.get('this')?.tag) {
      (cls.tag.returnsThis ??= []).push(node.name.text);
    }
    if (t.isFunctionDeclaration(node) && node.name) {
      const tag: TagExpr = { k: 'fn', ret };
      const b: Binding = { tag, init: node };
      const idx = scope.fnIndex.get(node);
      if (idx !== undefined) b.fn = idx;
      scope.bindings.set(node.name.text, b);
      if (isExported(scope, node)) scope.facts.exports[node.name.text] = { tag, ...(b.fn !== undefined ? { fn: b.fn } : {}) };
    }
  }
  recordInstanceGetter(scope, node);
  if (es5) {
    if (outerThis) scope.bindings.set('this', outerThis);
    else scope.bindings.delete('this');
    // `new Room()` and `module.exports = Room` give instances of the class, as for a `class` declaration.
    if (t.isFunctionDeclaration(node) && node.name?.text === es5.name) scope.bindings.set(es5.name, { ...scope.bindings.get(es5.name), tag: es5.tag });
  }
  scope.fn = savedFn;
  scope.path = savedPath;
}

const TEST_FUNCTIONS = new Set(['it', 'test', 'describe', 'beforeEach', 'beforeAll', 'afterEach', 'afterAll', 'suite', 'context', 'specify']);

/** The function is an argument of `it(…)`, `test.only(…)`, `describe(…)` and the like. */
function isTestCallback(scope: Scope, node: ts.FunctionLikeDeclaration): boolean {
  const t = scope.ts;
  const parent = scope.stack[scope.stack.length - 2];
  if (!parent || !t.isCallExpression(parent) || !parent.arguments.includes(node as ts.Expression)) return false;
  let callee: ts.Expression = parent.expression;
  if (t.isPropertyAccessExpression(callee)) callee = callee.expression;
  return t.isIdentifier(callee) && TEST_FUNCTIONS.has(callee.text);
}

/**
 * `static getInstance() { … new UptimeServer() …; return UptimeServer.instance }`: a static method that
 * constructs its own class and returns a value gives an instance (singletons, static factories).
 */
function recordInstanceGetter(scope: Scope, node: ts.FunctionLikeDeclaration): void {
  const t = scope.ts;
  const cls = scope.classes[scope.classes.length - 1];
  if (cls?.tag.k !== 'cls' || !cls.name || !t.isMethodDeclaration(node) || !node.body || !node.name || !t.isIdentifier(node.name)) return;
  if (!t.getModifiers(node)?.some((m) => m.kind === t.SyntaxKind.StaticKeyword)) return;
  const body = scope.text.slice(node.body.getStart(scope.sf), node.body.getEnd());
  if (!new RegExp(`\\bnew\\s+(?:${cls.name}|this)\\s*\\(`).test(body) || !/\breturn\s+\S/.test(body)) return;
  (cls.tag.instanceGetters ??= []).push(node.name.text);
}

/**
 * A named function that only computes a channel from its parameters (`const key = (id) => \`deploy:${id}:log\``,
 * `function subject(site) { return \`readings.${site}\` }`): its calls are channel values.
 */
function recordReturnValue(scope: Scope, node: ts.FunctionLikeDeclaration, body: ts.ConciseBody): void {
  const t = scope.ts;
  let expr: ts.Expression | null = null;
  if (!t.isBlock(body)) expr = body;
  else if (body.statements.length === 1) {
    const only = body.statements[0];
    if (only && t.isReturnStatement(only) && only.expression) expr = only.expression;
  }
  if (!expr) return;
  const ret = evalValue(scope, expr);
  const literal = ret.k === 'str' || (ret.k === 'tpl' && ret.parts.some((p) => p.k === 'str' && p.v !== ''));
  if (!literal) return;
  const value: ValueExpr = { k: 'fnv', ret };
  scope.fnValues.set(node, value);
  if (t.isFunctionDeclaration(node) && node.name) {
    const b = scope.bindings.get(node.name.text);
    if (b) b.value = value;
    const ex = scope.facts.exports[node.name.text];
    if (ex && isExported(scope, node)) ex.value = value;
  }
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
  return scope.bindings.taggedThisMembers > 0;
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


const SOCKET_IO_SERVER: TagExpr = { k: 'new', of: { k: 'lib', mod: 'socket.io', name: 'Server' }, arg0: null };

/**
 * socket.io's documented handler-module shape, `module.exports = (io, socket) => { socket.on(…) }`:
 * untyped parameters named exactly `io` and `socket` side by side are a socket.io server and a
 * connected socket. Both names are required, so a lone `socket` (net, ws) keeps no tag.
 */
function socketIoHandlerParams(scope: Scope, node: ts.SignatureDeclaration): Map<string, TagExpr> {
  const t = scope.ts;
  const out = new Map<string, TagExpr>();
  const names = node.parameters.map((p) => (t.isIdentifier(p.name) && !p.type ? p.name.text : ''));
  if (!names.includes('io') || !names.includes('socket')) return out;
  out.set('io', SOCKET_IO_SERVER);
  out.set('socket', { k: 'param', of: SOCKET_IO_SERVER, m: 'on#1', ev: 'connection', i: 0 });
  return out;
}

/** The tag of a type literal's member annotation (`{ bus: EventBus }` → an EventBus instance). */
function memberType(scope: Scope, lit: ts.TypeLiteralNode, key: string): TagExpr | null {
  const t = scope.ts;
  for (const m of lit.members) {
    if (t.isPropertySignature(m) && m.name && propName(scope, m.name) === key) return typeTag(scope, m.type);
  }
  return null;
}
