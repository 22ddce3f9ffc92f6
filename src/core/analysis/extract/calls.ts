// Calls and `new`: sites for receivers bound to something, callback parameter tags, handler callbacks,
// wrapper calls, and the local rules that look at calls.
import type ts from 'typescript';
import type { TagExpr } from './facts';
import type { Scope } from './scope';
import { hoistedFunction, posOf, snippetOf } from './scope';
import { rootOf, tagOf } from './tags';
import { evalValue, propName } from './values';
import { onCallLocal, onNewLocal } from './localRules';
import { argTagsOf, recordConstructorCall } from './constructorArgs';

/** Methods that can be a construct on some library receiver; other calls never become sites. */
const SITE_METHODS = new Set([
  'publish', 'spublish', 'sPublish', 'subscribe', 'ssubscribe', 'sSubscribe', 'psubscribe', 'pSubscribe',
  'xadd', 'xAdd', 'xread', 'xRead', 'xreadgroup', 'xReadGroup', 'xautoclaim', 'xAutoClaim', 'call', 'sendCommand',
  'send', 'sendBatch', 'emit', 'emitAsync', 'request', 'requestMany', 'respond', 'consume', 'fetch', 'next',
  'addEndpoint', 'sendToQueue', 'add', 'addBulk', 'upsertJobScheduler', 'process', 'on', 'once', 'addListener',
  'prependListener', 'prependOnceListener', 'onAny', 'many', 'adapter', 'ws', 'serverSideEmit', 'bindQueue',
  'listenTo', 'onEvent', 'emitWithAck', 'publishEvent',
]);

/** Registering a callback with these runs it later, on its own path (not a dual-write path of the caller). */
const HANDLER_METHODS = new Set([
  'on', 'once', 'addListener', 'prependListener', 'addEventListener', 'subscribe', 'psubscribe', 'consume', 'process',
  'run', 'get', 'post', 'put', 'patch', 'delete', 'all', 'use', 'route', 'ws', 'addEndpoint', 'onAny', 'handle',
]);

export function onCall(scope: Scope, call: ts.CallExpression, depth: number): void {
  const t = scope.ts;
  const callee = call.expression;
  let recv: TagExpr | null = null;
  let method: string | null = null;
  let calleeTag: TagExpr | null = null;
  let argRecv: TagExpr | null = null;
  if (t.isPropertyAccessExpression(callee)) {
    method = callee.name.text;
    scope.visit(callee.expression, depth + 1);
    recv = tagOf(scope, callee.expression);
    // `function attachStatus(uploader) { uploader.on('upload:done', …) }`: the callers' arguments say
    // what the receiver is (resolved at link time); no callback parameter tags follow from it.
    if (!recv && (ARG_EVENT_METHODS.has(method) || SITE_METHODS.has(method))) {
      argRecv = paramReceiver(scope, callee.expression);
      if (argRecv) pushSite(scope, call, argRecv, null, method, callee.name);
    }
  } else {
    scope.visit(callee, depth + 1);
    calleeTag = tagOf(scope, callee);
  }
  if (method && HANDLER_METHODS.has(method)) {
    for (const a of call.arguments) {
      const f = unwrapFn(scope, a) ?? laterHandler(scope, a);
      if (f) scope.handlerFns.add(f);
      if (t.isObjectLiteralExpression(a)) {
        for (const p of a.properties) {
          const pf = t.isPropertyAssignment(p) ? unwrapFn(scope, p.initializer) : t.isMethodDeclaration(p) ? p : null;
          if (pf) scope.handlerFns.add(pf);
        }
      }
    }
  }
  if (method === 'decorate') recordDecoration(scope, call);
  // A receiver typed by the callers types its callbacks' parameters the same way (`app.ws(p, { open: (ws) => … })`).
  const owner = recv ?? calleeTag ?? argRecv;
  if (owner) {
    // Only callbacks of a bound receiver get the event name: most calls have none, so it is evaluated here.
    const ev = call.arguments[0] ? evalValue(scope, call.arguments[0]) : null;
    const evStr = ev && ev.k === 'str' ? ev.v : null;
    const m = method ?? '()';
    call.arguments.forEach((arg, i) => {
      const a = unwrapParens(scope, arg);
      const fnArg = unwrapFn(scope, a) ?? laterHandler(scope, a);
      if (fnArg) scope.pendingParams.set(fnArg, fnArg.parameters.map((_, pi) => ({ k: 'param', of: owner, m: `${m}#${i}`, ev: evStr, i: pi })));
      else if (t.isIdentifier(a)) recordHandlerRef(scope, call, a, (pi) => ({ k: 'param', of: owner, m: `${m}#${i}`, ev: evStr, i: pi }));
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
  const isSite = (recv && method && SITE_METHODS.has(method) && !forwardsToSuper(scope, callee, method)) || (calleeTag && !method && fromLibrary(calleeTag));
  if (isSite) pushSite(scope, call, recv, calleeTag, method, t.isPropertyAccessExpression(callee) ? callee.name : callee);
  // `app.ws(pattern, { open, message, close })` (uWebSockets.js): each handler of the behavior is a site of
  // its own, on the handler's line, classified by what the receiver turns out to be.
  const wsRecv = recv ?? argRecv;
  const behavior = method === 'ws' && wsRecv && call.arguments[1] ? unwrapParens(scope, call.arguments[1]) : null;
  if (wsRecv && behavior && t.isObjectLiteralExpression(behavior)) {
    for (const p of behavior.properties) {
      const key = p.name && (t.isIdentifier(p.name) || t.isStringLiteral(p.name)) ? p.name.text : null;
      if (key && WS_BEHAVIOR_HANDLERS.has(key)) {
        scope.facts.sites.push({
          kind: 'call', recv: wsRecv, callee: null, method: `ws:${key}`, args: [], pos: posOf(scope, p, p.name),
          fn: scope.fn, path: [...scope.path], snippet: snippetOf(scope, p),
        });
      }
    }
  }
  // Without arguments a call fills no channel parameter: it can be no wrapper call (see link/wrappers.ts).
  if (call.arguments.length > 0 && !method && t.isIdentifier(callee)) recordWrapperCall(scope, call, callee);
  else if (call.arguments.length > 0 && recv && method && t.isPropertyAccessExpression(callee)) recordMethodCall(scope, call, recv, method, callee.name);
  // `expressWs(app)` upgrades `app` in place: later `app.ws(route)` calls are WebSocket routes.
  if (calleeTag?.k === 'lib' && calleeTag.mod === 'express-ws' && call.arguments[0] && t.isIdentifier(call.arguments[0])) {
    scope.bindings.set(call.arguments[0].text, { tag: { k: 'prop', of: { k: 'call', of: calleeTag, arg0: null }, name: 'app' } });
  }
  onCallLocal(scope, call, method);
  for (const a of call.arguments) scope.visit(a, depth + 1);
  if (call.typeArguments) for (const ta of call.typeArguments) scope.visit(ta, depth + 1);
}

/**
 * The receiver of `socket.on(…)`, `socket.to(room).emit(…)`, `socket.broadcast.emit(…)` where `socket` is an
 * untyped parameter of a possible wrapper: the chain is built over an `arg` placeholder that the linker
 * replaces with what each caller passes (link/argSites.ts).
 */
function paramReceiver(scope: Scope, expr: ts.Expression): TagExpr | null {
  const t = scope.ts;
  let root: ts.Expression = expr;
  for (let hops = 0; hops < 4; hops++) {
    if (t.isPropertyAccessExpression(root)) root = root.expression;
    else if (t.isCallExpression(root) && t.isPropertyAccessExpression(root.expression)) root = root.expression.expression;
    else break;
  }
  if (!t.isIdentifier(root)) return null;
  const b = scope.bindings.get(root.text);
  if (b?.paramOf === undefined || b.value?.k !== 'param' || b.tag) return null;
  const placeholder: TagExpr = { k: 'arg', fn: b.paramOf, i: b.value.i };
  if (root === expr) return placeholder;
  // Typed for this one lookup only: the binding stays untyped, so nothing else treats it as a receiver.
  b.tag = placeholder;
  try {
    return tagOf(scope, expr);
  } finally {
    b.tag = null;
  }
}

/** `/** @type {Behavior} *\/ ({ … })`: JSDoc casts wrap an argument in parentheses. */
function unwrapParens(scope: Scope, e: ts.Expression): ts.Expression {
  let cur = e;
  while (scope.ts.isParenthesizedExpression(cur) || scope.ts.isAsExpression(cur) || scope.ts.isSatisfiesExpression(cur)) cur = cur.expression;
  return cur;
}

/** The handlers of a uWebSockets.js behavior that receive socket events (`upgrade`, `drain` are plumbing). */
const WS_BEHAVIOR_HANDLERS = new Set(['open', 'message', 'close']);

/** Event methods whose receiver can be typed by the enclosing function's callers. */
const ARG_EVENT_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'emit']);

function pushSite(scope: Scope, call: ts.CallExpression, recv: TagExpr | null, calleeTag: TagExpr | null, method: string | null, token: ts.Node): void {
  scope.facts.sites.push({
    kind: 'call', recv, callee: calleeTag, method, args: call.arguments.slice(0, 12).map((a) => evalValue(scope, a)),
    pos: posOf(scope, call, token), fn: scope.fn, path: [...scope.path], snippet: snippetOf(scope, call),
  });
}

/**
 * `on(event, handler) { …; return super.on(event, handler) }`: an override handing its caller's arguments to
 * the base class is no construct of its own (the callers' `x.on('evt')` are).
 */
function forwardsToSuper(scope: Scope, callee: ts.Expression, method: string): boolean {
  const t = scope.ts;
  if (!t.isPropertyAccessExpression(callee) || callee.expression.kind !== t.SyntaxKind.SuperKeyword) return false;
  const owner = scope.facts.fns[scope.fn]?.name;
  return owner === method || !!owner?.endsWith(`.${method}`);
}

/** `io.on('connection', onConnection)` before `function onConnection(socket) {…}`: the declaration to come. */
function laterHandler(scope: Scope, a: ts.Expression): ts.FunctionDeclaration | null {
  if (!scope.ts.isIdentifier(a) || scope.bindings.has(a.text)) return null;
  return hoistedFunction(scope, a.text);
}

/** Parameters a registered handler receives, up to this many, are typed through its registration. */
const HANDLER_REF_PARAMS = 3;

/**
 * A function already declared (or imported) registered as a handler (`io.on('connection', onConnection)`):
 * recorded like a call passing what the library passes, so its untyped parameters resolve through it.
 */
function recordHandlerRef(scope: Scope, call: ts.CallExpression, ref: ts.Identifier, paramTag: (i: number) => TagExpr): void {
  const target = calleeTarget(scope, ref);
  if (!target) return;
  const argTags = Array.from({ length: HANDLER_REF_PARAMS }, (_, i) => paramTag(i));
  scope.facts.calls.push({ callee: target, args: [], argTags, handlerRef: true, pos: posOf(scope, call), fn: scope.fn, path: [...scope.path], snippet: snippetOf(scope, call) });
  if ('spec' in target && argTags.some(messagingBound)) handsReceiverTo(scope, target.spec);
}

/** Messaging libraries whose clients, servers and sockets make a callee module worth analyzing. */
const MESSAGING_LIBRARY = /^(?:kafkajs|ioredis|redis|@redis\/client|nats|nats\.ws|@nats-io\/[\w.-]+|amqplib(?:\/callback_api)?|amqp-connection-manager|bullmq|bull|@nestjs\/(?:bull|bullmq|microservices|websockets|event-emitter)|socket\.io|ws|isomorphic-ws|(?:node:)?events|eventemitter[23]|emittery|mitt|express-ws|uWebSockets\.js|uws)$/;

/** An argument bound to a messaging library (a client, a server, a connected socket, an emitter). */
function messagingBound(tag: TagExpr | null | undefined): boolean {
  if (!tag) return false;
  const root = rootOf(tag);
  if (root.k === 'lib') return MESSAGING_LIBRARY.test(root.mod);
  // A workspace object's connection handler hands on its socket (`server.io.on('connection', (socket) => …)`).
  return tag.k === 'param' && tag.m === 'on#1' && tag.ev === 'connection';
}

function handsReceiverTo(scope: Scope, spec: string): void {
  if (!scope.facts.handsReceiversTo.includes(spec)) scope.facts.handsReceiversTo.push(spec);
}

function calleeTarget(scope: Scope, callee: ts.Identifier): { fn: number } | { spec: string; name: string } | null {
  const b = scope.bindings.get(callee.text);
  if (!b) return null;
  if (b.fn !== undefined) return { fn: b.fn };
  if (b.tag?.k === 'imp') return { spec: b.tag.spec, name: b.tag.name };
  if (b.tag?.k === 'lib' && !b.tag.mod.startsWith('node:') && b.tag.name !== '*') return { spec: b.tag.mod, name: b.tag.name };
  if (b.tag?.k === 'prop' && b.tag.of.k === 'imp' && b.tag.of.name === 'default') return { spec: b.tag.of.spec, name: b.tag.name };
  return null;
}

/** Calls of workspace functions with arguments: the linker turns those of wrappers into detections. */
function recordWrapperCall(scope: Scope, call: ts.CallExpression, callee: ts.Identifier): void {
  const b = scope.bindings.get(callee.text);
  if (!b) {
    // `onConnect(socket)` above `async function onConnect(socket) {…}`: indexed once the walk reaches it.
    if (!hoistedFunction(scope, callee.text)) return;
    const args = call.arguments.slice(0, 6);
    const argTags = args.map((a) => (scope.ts.isIdentifier(a) || scope.ts.isPropertyAccessExpression(a) ? tagOf(scope, a) : null));
    const late = { callee: { fn: -1 }, args: args.map((a) => evalValue(scope, a)), pos: posOf(scope, call, callee), fn: scope.fn, path: [...scope.path], snippet: snippetOf(scope, call), ...(argTags.some(Boolean) ? { argTags } : {}) };
    scope.facts.calls.push(late);
    scope.lateCalls.push({ call: late, name: callee.text });
    return;
  }
  let target: { fn: number } | { spec: string; name: string } | null = null;
  if (b.fn !== undefined) target = { fn: b.fn };
  else if (b.tag?.k === 'imp') target = { spec: b.tag.spec, name: b.tag.name };
  // A bare specifier may be a path alias into the workspace (`@/lib/events`): the linker resolves it.
  else if (b.tag?.k === 'lib' && !b.tag.mod.startsWith('node:') && b.tag.name !== '*') target = { spec: b.tag.mod, name: b.tag.name };
  // `const { sendJson } = require('./amqp')`: a member of `module.exports` is a named export.
  else if (b.tag?.k === 'prop' && b.tag.of.k === 'imp' && b.tag.of.name === 'default') target = { spec: b.tag.of.spec, name: b.tag.name };
  if (!target) return;
  const args = call.arguments.slice(0, 6);
  const argTags = argTagsOf(scope, args);
  if ('spec' in target && argTags.some(messagingBound)) handsReceiverTo(scope, target.spec);
  scope.facts.calls.push({
    callee: target, args: args.map((a) => evalValue(scope, a)), pos: posOf(scope, call, callee),
    fn: scope.fn, path: [...scope.path], snippet: snippetOf(scope, call), ...(argTags.some(Boolean) ? { argTags } : {}),
  });
}

/** Method calls on workspace objects and class instances: the linker sees through those that are wrappers. */
function recordMethodCall(scope: Scope, call: ts.CallExpression, recv: TagExpr, method: string, token: ts.Node): void {
  const root = rootOf(recv);
  if (root.k !== 'imp' && root.k !== 'cls' && !(root.k === 'lib' && workspaceInstance(recv, root.mod))) return;
  scope.facts.methodCalls.push({
    recv, method, args: call.arguments.slice(0, 6).map((a) => evalValue(scope, a)), pos: posOf(scope, call, token),
    fn: scope.fn, path: [...scope.path], snippet: snippetOf(scope, call),
  });
}

/**
 * An instance of a class imported by a bare specifier that may be a workspace package or a path alias
 * (`constructor(private publisher: Publisher)` with `Publisher` from `@acme/bus`): its methods may be
 * wrappers. Messaging libraries and Node built-ins are not; plain module calls (`_.map`) are not instances.
 */
function workspaceInstance(recv: TagExpr, mod: string): boolean {
  if (mod.startsWith('node:') || MESSAGING_LIBRARY.test(mod)) return false;
  for (let cur: TagExpr = recv, hops = 0; hops < 8; hops++) {
    if (cur.k === 'inst' || cur.k === 'new') return true;
    if (cur.k !== 'prop' && cur.k !== 'call') return false;
    cur = cur.of;
  }
  return false;
}

/** Plain calls, `new` and decorators are constructs only when rooted in a library or a global. */
export function fromLibrary(tag: TagExpr): boolean {
  const root = rootOf(tag);
  return root.k === 'lib' || root.k === 'global';
}

export function unwrapFn(scope: Scope, node: ts.Node): ts.FunctionLikeDeclaration | null {
  const t = scope.ts;
  let n = node;
  while (t.isParenthesizedExpression(n) || t.isAsExpression(n)) n = n.expression;
  return t.isArrowFunction(n) || t.isFunctionExpression(n) ? n : null;
}

export function onNew(scope: Scope, ne: ts.NewExpression, depth: number): void {
  const t = scope.ts;
  scope.visit(ne.expression, depth + 1);
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
  } else {
    const ctorCall = recordConstructorCall(scope, ne, calleeTag);
    if (ctorCall && 'spec' in ctorCall.callee && ctorCall.argTags?.some(messagingBound)) handsReceiverTo(scope, ctorCall.callee.spec);
  }
  onNewLocal(scope, ne);
  for (const a of ne.arguments ?? []) scope.visit(a, depth + 1);
}

/** `fastify.decorate('redis', client)`: the member other files reach as `app.redis`, when bound here. */
function recordDecoration(scope: Scope, call: ts.CallExpression): void {
  const [name, value] = call.arguments;
  if (!name || !value || !scope.ts.isStringLiteral(name)) return;
  const tag = tagOf(scope, value);
  if (tag) scope.facts.decorations.push({ name: name.text, tag });
}
