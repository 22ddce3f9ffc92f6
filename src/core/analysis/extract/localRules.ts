// Rules that need no receiver binding: SSE response headers, `fetch` readers of `data:` lines, tRPC
// `.subscription` procedures, TanStack mutations, outbox tables/relays in code, and persistent writes
// (the DB half of a dual write).
import type ts from 'typescript';
import type { Broker, DetectionKind, Role } from '../types';
import type { ValueExpr } from './facts';
import type { Scope } from './scope';
import { posAt, posOf, snippetOf } from './scope';
import { evalValue, propName } from './values';
import { rootOf, tagOf } from './tags';
import { fileRoute, nextRoute, routeHints } from './fileRoutes';
import { MUTATION_FNS, onMutation } from './mutations';
import { isBuilderRelayRead, outerChain } from './outboxChains';
import { handsRowsOn, inAssertion, parsesDataLines } from './lookalikes';

export { nextRoute };

function push(scope: Scope, kind: DetectionKind, library: string, broker: Broker, role: Role, channel: ValueExpr | null, node: ts.Node, token?: ts.Node): void {
  scope.facts.locals.push({ kind, library, broker, role, channel, pos: posOf(scope, node, token), fn: scope.fn, path: [...scope.path], snippet: snippetOf(scope, token && token !== node ? node : node) });
}

const SSE_LIBS: [string, string][] = [['express', 'express'], ['fastify', 'fastify'], ['hono', 'hono'], ['next/server', 'next'], ['@nestjs/common', '@nestjs/common'], ['koa', 'koa']];

function sseLibrary(scope: Scope): string {
  for (const [mod, lib] of SSE_LIBS) if (scope.libs.has(mod)) return lib;
  if (nextRoute(scope.file)) return 'next';
  return 'node:http';
}

const ROUTE_METHODS = new Set(['get', 'post', 'all', 'put', 'route', 'use', 'sse']);

/** The HTTP route an SSE handler is registered on, when visible. */
function routeOf(scope: Scope): ValueExpr | null {
  const t = scope.ts;
  for (let i = scope.stack.length - 1; i >= 0; i--) {
    const n = scope.stack[i];
    if (!n) continue;
    if (t.isCallExpression(n) && t.isPropertyAccessExpression(n.expression) && ROUTE_METHODS.has(n.expression.name.text)) {
      const a0 = n.arguments[0];
      const v = a0 ? evalValue(scope, a0) : null;
      if (v && v.k === 'str' && v.v.startsWith('/')) return v;
      if (a0 && t.isObjectLiteralExpression(a0)) {
        const url = evalValue(scope, a0);
        if (url.k === 'obj' && url.props.url?.k === 'str') return url.props.url;
      }
    }
    if (t.isIfStatement(n)) {
      const m = /url\s*===?\s*['"`](\/[^'"`]*)['"`]/.exec(n.expression.getText(scope.sf));
      if (m?.[1]) return { k: 'str', v: m[1] };
    }
  }
  const nr = fileRoute(scope.file, routeHints(scope.text));
  return nr ? { k: 'str', v: nr } : null;
}

const OUTBOX_DDL = /\b(?:CREATE|ALTER)\s+TABLE\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+)?(?:ONLY\s+)?[`"[]?(?:\w+[`"\]]?\.[`"[]?)?(\w*outbox\w*)/gi;
const OUTBOX_SELECT = /\bSELECT\b[\s\S]{0,400}?\bFROM\s+[`"[]?(?:\w+[`"\]]?\.[`"[]?)?\w*outbox\w*/gi;

export function onStringLocal(scope: Scope, node: ts.Node): void {
  const t = scope.ts;
  if (!scope.mentionsOutbox && !scope.mentionsSse) return;
  if (t.isTaggedTemplateExpression(node)) return;
  const start = node.getStart(scope.sf);
  const raw = scope.text.slice(start, node.getEnd());
  if (raw.length > 20_000) return;
  if (/text\/event-stream/i.test(raw)) onSseHeader(scope, node);
  if (/outbox/i.test(raw) && !isDocumentationString(scope)) {
    const tables = new Set<string>();
    for (const m of raw.matchAll(OUTBOX_DDL)) {
      const table = (m[1] ?? '').toLowerCase();
      if (tables.has(table)) continue;
      tables.add(table);
      const off = start + (m.index ?? 0);
      scope.facts.locals.push({ kind: 'outbox.table', library: 'sql', broker: 'outbox', role: 'infra', channel: null, pos: posAt(scope, off, off + m[0].length), fn: scope.fn, path: [...scope.path], snippet: m[0].replace(/\s+/g, ' ').slice(0, 100) });
    }
    const trimmed = raw.replace(/^[`'"]\s*/, '');
    if (!/^(INSERT|UPDATE|DELETE)\b/i.test(trimmed)) {
      const m = OUTBOX_SELECT.exec(raw);
      OUTBOX_SELECT.lastIndex = 0;
      if (m && readsToPublish(scope)) {
        const off = start + m.index;
        scope.facts.locals.push({ kind: 'outbox.relay', library: ormLibrary(scope), broker: 'outbox', role: 'producer', channel: null, pos: posAt(scope, off, off + m[0].length), fn: scope.fn, path: [...scope.path], snippet: m[0].replace(/\s+/g, ' ').slice(0, 100) });
      }
    }
  }
}

const DOC_WORDS = new Set(['example', 'examples', 'sample', 'samples', 'snippet', 'snippets', 'doc', 'docs']);

/** A string bound to a name like `OUTBOX_DDL_EXAMPLE` or `docSnippet` illustrates code; it runs nowhere. */
function isDocumentationString(scope: Scope): boolean {
  const t = scope.ts;
  const parent = scope.stack[scope.stack.length - 2];
  const name = parent && (t.isVariableDeclaration(parent) || t.isPropertyAssignment(parent)) && t.isIdentifier(parent.name) ? parent.name.text : null;
  if (!name) return false;
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[^A-Za-z0-9]+/);
  return words.some((w) => DOC_WORDS.has(w.toLowerCase()));
}

function onSseHeader(scope: Scope, node: ts.Node): void {
  const t = scope.ts;
  const v = evalValue(scope, node);
  if (v.k !== 'str' || !/^\s*text\/event-stream/i.test(v.v) || inAssertion(scope)) return;
  const parent = scope.stack[scope.stack.length - 2];
  if (!parent) return;
  if (t.isPropertyAssignment(parent) && parent.initializer === node) {
    const key = propName(scope, parent.name);
    if (key && /^content-type$/i.test(key)) push(scope, 'sse.endpoint', sseLibrary(scope), 'sse', 'server', routeOf(scope), parent);
    return;
  }
  if (t.isCallExpression(parent) && parent.arguments.includes(node as ts.Expression)) {
    const idx = parent.arguments.indexOf(node as ts.Expression);
    const prev = idx > 0 ? evalValue(scope, parent.arguments[idx - 1]) : null;
    const method = t.isPropertyAccessExpression(parent.expression) ? parent.expression.name.text : '';
    const isHeader = (prev?.k === 'str' && /^content-type$/i.test(prev.v)) || (idx === 0 && /^(type|contentType)$/.test(method));
    if (isHeader) push(scope, 'sse.endpoint', sseLibrary(scope), 'sse', 'server', routeOf(scope), parent, t.isPropertyAccessExpression(parent.expression) ? parent.expression.name : parent);
  }
}

const ORMS: [string, string][] = [['@prisma/client', 'prisma'], ['drizzle-orm', 'drizzle-orm'], ['typeorm', 'typeorm'], ['@mikro-orm/core', '@mikro-orm/core'], ['knex', 'knex'], ['mongoose', 'mongoose'], ['sequelize', 'sequelize'], ['pg', 'pg'], ['kysely', 'kysely']];

function ormLibrary(scope: Scope): string {
  for (const [mod, lib] of ORMS) if (scope.libs.has(mod)) return lib;
  for (const l of scope.libs) if (l.startsWith('drizzle-orm')) return 'drizzle-orm';
  return 'sql';
}

const READ_METHODS = new Set(['findMany', 'findFirst', 'find', 'findAll', 'findBy', 'findAndCount', 'getMany', 'getRawMany', 'from', 'select', 'selectFrom', 'where']);
const WRITE_IN_CHAIN = new Set(['insert', 'create', 'createMany', 'update', 'updateMany', 'delete', 'deleteMany', 'del', 'save', 'upsert', 'values', 'remove', 'insertOne', 'insertMany', 'updateOne', 'updateTable', 'insertInto', 'deleteFrom', 'set']);
const DB_WRITES = new Set(['insertInto', 'updateTable', 'deleteFrom', 'create', 'createMany', 'update', 'updateMany', 'upsert', 'delete', 'deleteMany', 'save', 'insert', 'remove', 'softDelete', 'persist', 'persistAndFlush', 'insertOne', 'insertMany', 'updateOne', 'deleteOne', 'replaceOne', 'findOneAndUpdate', 'findByIdAndUpdate', 'findOneAndDelete', 'bulkWrite', 'del', 'bulkCreate', 'increment', 'decrement', 'writePoint', 'writePoints']);
const DB_RECEIVER = /(prisma|\bdb\b|\btx\b|\btrx\b|repo|repository|manager|\bem\b|model|collection|knex|database|queryRunner|orm|sequelize|mongo)/i;
const SQL_METHODS = new Set(['query', 'execute', '$executeRaw', '$executeRawUnsafe', 'none', 'one', 'any', 'run', 'exec', 'unsafe', 'oneOrNone', 'result']);
const SQL_WRITE = /^\s*(INSERT|UPDATE|DELETE|MERGE|UPSERT|REPLACE)\b/i;

export function onCallLocal(scope: Scope, call: ts.CallExpression, method: string | null): void {
  const t = scope.ts;
  const callee = call.expression;
  const calleeName = t.isIdentifier(callee) ? callee.text : null;
  // TanStack Query mutations (and tRPC's `x.useMutation`, a thin wrapper of the same hook).
  if (calleeName && MUTATION_FNS.has(calleeName)) {
    const b = scope.bindings.get(calleeName);
    const lib = b?.tag?.k === 'lib' ? b.tag.mod : null;
    if (lib && (lib.startsWith('@tanstack/') || lib.startsWith('@trpc/'))) onMutation(scope, call, lib);
  } else if (method === 'useMutation' || method === 'createMutation') {
    onMutation(scope, call, scope.libs.has('@trpc/react-query') ? '@trpc/react-query' : '@trpc/client');
  }
  if (method === 'subscription' && t.isPropertyAccessExpression(callee)) onTrpcSubscription(scope, call, callee);
  if (calleeName === 'fetch' && !scope.bindings.has('fetch')) onFetchReader(scope, call);
  if (calleeName === 'streamSSE' || calleeName === 'streamSse') {
    const b = scope.bindings.get(calleeName);
    if (b?.tag?.k === 'lib' && b.tag.mod.startsWith('hono')) push(scope, 'sse.endpoint', 'hono', 'sse', 'server', routeOf(scope), call, callee);
  }
  const a0 = call.arguments[0];
  // The first argument matters only for outbox names and SQL text: skip evaluating it otherwise.
  const wantA0 = !!a0 && (scope.mentionsOutbox || method === 'save' || (method !== null && SQL_METHODS.has(method)) || calleeName === 'sql' || calleeName === 'query');
  const a0v = wantA0 ? evalValue(scope, a0) : null;
  const a0Outbox = (a0v?.k === 'str' && /outbox/i.test(a0v.v)) || (!!a0 && t.isIdentifier(a0) && /outbox/i.test(a0.text));
  // Outbox tables declared in code (Drizzle, Knex/Sequelize migrations).
  if (calleeName && /^(pg|mysql|sqlite)Table$/.test(calleeName) && a0v?.k === 'str' && /outbox/i.test(a0v.v)) {
    push(scope, 'outbox.table', 'drizzle-orm', 'outbox', 'infra', null, call, callee);
  }
  if (scope.mentionsOutbox && method && t.isPropertyAccessExpression(callee) && a0v?.k === 'str' && /outbox/i.test(a0v.v)) {
    const recvText = callee.expression.getText(scope.sf);
    const isDdl = /^(createTable|createTableIfNotExists|alterTable)$/.test(method) || (method === 'table' && /schema/i.test(recvText));
    if (isDdl && !scope.outboxTables.has(a0v.v)) {
      scope.outboxTables.add(a0v.v);
      push(scope, 'outbox.table', /queryInterface/i.test(recvText) ? 'sequelize' : method === 'table' && !/knex/i.test(recvText) ? 'drizzle-orm' : 'knex', 'outbox', 'infra', null, call, callee.name);
    }
  }
  if (method && t.isPropertyAccessExpression(callee) && (READ_METHODS.has(method) || DB_WRITES.has(method) || SQL_METHODS.has(method))) {
    // Receivers are short (`this.prisma.order`); a huge one (an IIFE) says nothing about databases.
    const span = callee.expression.getEnd() - callee.expression.getStart(scope.sf);
    const recvText = span > 300 ? '' : callee.expression.getText(scope.sf);
    const init = t.isIdentifier(callee.expression) ? scope.bindings.get(callee.expression.text)?.init : undefined;
    const initText = scope.mentionsOutbox && init && init.getEnd() - init.getStart(scope.sf) < 300 ? init.getText(scope.sf) : '';
    if (READ_METHODS.has(method) && (/outbox/i.test(recvText) || /outbox/i.test(initText) || a0Outbox) && isRelayRead(scope, call) && readsToPublish(scope)) {
      push(scope, 'outbox.relay', ormLibrary(scope), 'outbox', 'producer', null, call, callee.name);
    }
    recordWrite(scope, call, method, recvText, a0v, ormBound(scope, callee.expression), a0Outbox);
    if (SQL_METHODS.has(method) && init && preparedWrite(scope, init)) markWrite(scope);
  } else if (t.isIdentifier(callee) && /^(sql|query)$/.test(callee.text) && a0v?.k === 'str' && SQL_WRITE.test(a0v.v)) {
    markWrite(scope);
  } else if (calleeName && a0Outbox && DB_RECEIVER.test(calleeName) && isBuilderRelayRead(scope, call, READ_METHODS, WRITE_IN_CHAIN) && readsToPublish(scope)) {
    push(scope, 'outbox.relay', ormLibrary(scope), 'outbox', 'producer', null, call, callee);
  }
}

const ORM_MODULE = /^(@clickhouse\/client|@influxdata\/influxdb-client|typeorm|@mikro-orm\/|mongoose|sequelize|@prisma\/client|knex|drizzle-orm|pg$|mysql2|kysely|mongodb|better-sqlite3|postgres$)/;

/** The receiver is bound to an ORM/driver type (`Repository<T>` from typeorm, a `Pool` from pg…). */
function ormBound(scope: Scope, recv: ts.Expression): boolean {
  const tag = tagOf(scope, recv);
  if (!tag) return false;
  const root = rootOf(tag);
  return root.k === 'lib' && ORM_MODULE.test(root.mod);
}

const OUTBOX_INSERTS = new Set(['insert', 'insertOne', 'insertMany', 'insertInto', 'create', 'createMany', 'save', 'persist', 'persistAndFlush', 'values', 'add']);

function recordWrite(scope: Scope, call: ts.CallExpression, method: string, recvText: string, a0v: ValueExpr | null, orm: boolean, a0Outbox = false): void {
  // A row of the outbox (`tx.outbox.create`, `tx.insert(outboxTable)`) is the outbox pattern, not state.
  if (/outbox/i.test(recvText) || (a0Outbox && scope.mentionsOutbox)) {
    if (OUTBOX_INSERTS.has(method)) markOutboxWrite(scope);
    return;
  }
  if (/audit/i.test(recvText)) return;
  if (DB_WRITES.has(method)) {
    // `.save('/tmp/out.mp4')` (fluent-ffmpeg, file writers): an ORM `save` takes an entity, never a path.
    if (method === 'save' && (a0v?.k === 'str' || (a0v?.k === 'tpl' && a0v.parts[0]?.k === 'str' && /^[./~]/.test(a0v.parts[0].v)))) return;
    const rootUpper = /^[A-Z]/.test(recvText) && !/^[A-Z_]+$/.test(recvText);
    if (method === 'save' || orm || DB_RECEIVER.test(recvText) || rootUpper) {
      if (!isInMemoryReceiver(recvText)) markWrite(scope);
    }
    return;
  }
  if (SQL_METHODS.has(method)) {
    const sqlText = a0v?.k === 'str' ? a0v.v : a0v?.k === 'tpl' && a0v.parts[0]?.k === 'str' ? a0v.parts[0].v : null;
    if (sqlText && SQL_WRITE.test(sqlText) && !/outbox|audit/i.test(sqlText)) markWrite(scope);
    if (sqlText && /^\s*INSERT\b[^;]*\boutbox/i.test(sqlText)) markOutboxWrite(scope);
    return;
  }
  void call;
}

const IN_MEMORY_WORDS = new Set(['cache', 'map', 'set', 'list', 'array', 'redis', 'queue', 'emitter']);

/**
 * A cache, collection, Redis client or queue is not persistent state. Judged by whole words of the
 * receiver (`userCache`, `this.sessionMap`, `redis`), never by substrings: `Listing`, `Asset`,
 * `UserSettings` and `Playlist` are ORM models whose writes count.
 */
export function isInMemoryReceiver(recvText: string): boolean {
  if (/client\.(?:hset|set)\b/i.test(recvText)) return true;
  const words = recvText
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .map((w) => w.toLowerCase())
    .filter((w) => w.length > 0);
  return words.some((w) => IN_MEMORY_WORDS.has(w) || IN_MEMORY_WORDS.has(w.replace(/s$/, '')));
}

/** `const insert = db.prepare('INSERT …')` (better-sqlite3, node:sqlite): running it writes. */
function preparedWrite(scope: Scope, init: ts.Node): boolean {
  const t = scope.ts;
  if (!t.isCallExpression(init) || !t.isPropertyAccessExpression(init.expression) || init.expression.name.text !== 'prepare') return false;
  const a0 = init.arguments[0];
  const v = a0 ? evalValue(scope, a0) : null;
  const sqlText = v?.k === 'str' ? v.v : v?.k === 'tpl' && v.parts[0]?.k === 'str' ? v.parts[0].v : null;
  return !!sqlText && SQL_WRITE.test(sqlText) && !/outbox|audit/i.test(sqlText);
}

function markOutboxWrite(scope: Scope): void {
  const fn = scope.facts.fns[scope.fn];
  if (fn) fn.outboxWrite = true;
}

function markWrite(scope: Scope): void {
  const fn = scope.facts.fns[scope.fn];
  if (fn) fn.writes.push([...scope.path]);
}

/** The innermost read of a chain that is not a write (`knex('outbox').where().update()` is a write). */
/** Test callbacks: what they read is checked by an assertion, never handed on. */
const TEST_CALLS = /^(?:it|test|describe|beforeEach|beforeAll|afterEach|afterAll)$/;

/**
 * A read of outbox rows is a relay when the code around it hands them on (an outbox read for a report, an
 * admin listing or a test assertion is not): the enclosing function mentions a publish, send, handler…,
 * and it is no test callback.
 */
function readsToPublish(scope: Scope): boolean {
  const t = scope.ts;
  let fnNode: ts.Node | null = null;
  for (let i = scope.stack.length - 1; i >= 0; i--) {
    const n = scope.stack[i];
    if (!n) continue;
    if (!fnNode && t.isFunctionLike(n)) fnNode = n;
    if (t.isCallExpression(n) && t.isIdentifier(n.expression) && TEST_CALLS.test(n.expression.text)) return false;
  }
  const text = fnNode ? scope.text.slice(fnNode.getStart(scope.sf), fnNode.getEnd()) : scope.text;
  return handsRowsOn(text);
}

function isRelayRead(scope: Scope, call: ts.CallExpression): boolean {
  const t = scope.ts;
  if (outerChain(scope, call).some((m) => WRITE_IN_CHAIN.has(m))) return false;
  // Inner links: a deeper read in the same chain is the detection instead.
  let cur: ts.Expression = (call.expression as ts.PropertyAccessExpression).expression;
  for (let i = 0; i < 32; i++) {
    if (t.isCallExpression(cur)) {
      if (t.isPropertyAccessExpression(cur.expression)) {
        const m = cur.expression.name.text;
        if (WRITE_IN_CHAIN.has(m)) return false;
        const inner0 = cur.arguments[0];
        const innerOutbox = /outbox/i.test(cur.expression.expression.getText(scope.sf)) || (!!inner0 && /outbox/i.test(inner0.getText(scope.sf)) && inner0.getText(scope.sf).length < 80);
        if (READ_METHODS.has(m) && innerOutbox) return false;
        cur = cur.expression.expression;
        continue;
      }
      return true;
    }
    if (t.isPropertyAccessExpression(cur)) {
      cur = cur.expression;
      continue;
    }
    return true;
  }
  return true;
}

function onTrpcSubscription(scope: Scope, call: ts.CallExpression, callee: ts.PropertyAccessExpression): void {
  const t = scope.ts;
  let root: ts.Expression = callee.expression;
  for (let i = 0; i < 32 && (t.isCallExpression(root) || t.isPropertyAccessExpression(root)); i++) root = t.isCallExpression(root) ? root.expression : root.expression;
  const rootName = t.isIdentifier(root) ? root.text : '';
  const chain = callee.expression.getText(scope.sf);
  const serverish = /procedure/i.test(chain) || rootName === 't' || [...scope.libs].some((l) => l.startsWith('@trpc/server'));
  if (!serverish) return;
  let key: string | null = null;
  for (let i = scope.stack.length - 2; i >= 0; i--) {
    const n = scope.stack[i];
    if (!n) break;
    if (t.isPropertyAssignment(n)) {
      key = propName(scope, n.name);
      break;
    }
    if (t.isVariableDeclaration(n) && t.isIdentifier(n.name)) {
      key = n.name.text;
      break;
    }
    if (!(t.isCallExpression(n) || t.isPropertyAccessExpression(n) || t.isParenthesizedExpression(n) || t.isAwaitExpression(n))) break;
  }
  push(scope, 'trpc.subscription', '@trpc/server', 'trpc', 'server', key ? { k: 'str', v: key } : null, call, callee.name);
}

function onFetchReader(scope: Scope, call: ts.CallExpression): void {
  const t = scope.ts;
  for (let i = scope.stack.length - 2; i >= 0; i--) {
    const n = scope.stack[i];
    if (n && (t.isFunctionLike(n) || t.isSourceFile(n))) {
      const body = scope.text.slice(n.getStart(scope.sf), n.getEnd());
      if (/getReader\s*\(|\.body\b/.test(body) && parsesDataLines(body)) {
        push(scope, 'sse.client', 'fetch', 'sse', 'client', call.arguments[0] ? evalValue(scope, call.arguments[0]) : null, call, call.expression);
      }
      return;
    }
  }
}

export function onNewLocal(scope: Scope, ne: ts.NewExpression): void {
  const t = scope.ts;
  if (!t.isIdentifier(ne.expression) || ne.expression.text !== 'EntitySchema') return;
  const v = ne.arguments?.[0] ? evalValue(scope, ne.arguments[0]) : null;
  if (v?.k !== 'obj') return;
  const names = [v.props.name, v.props.tableName].filter((x): x is ValueExpr => !!x);
  if (names.some((x) => x.k === 'str' && /outbox/i.test(x.v))) push(scope, 'outbox.table', 'typeorm', 'outbox', 'infra', null, ne);
}

export function onClassLocal(scope: Scope, cls: ts.ClassLikeDeclaration, decorators: { name: string; args: ValueExpr[] }[]): void {
  const entity = decorators.find((d) => d.name === 'Entity' || d.name === 'Table' || d.name === 'Schema');
  if (!entity) return;
  const arg = entity.args[0];
  const argName = arg?.k === 'str' ? arg.v : arg?.k === 'obj' ? [arg.props.tableName, arg.props.name].find((x) => x?.k === 'str') : undefined;
  const tableName = typeof argName === 'string' ? argName : argName?.k === 'str' ? argName.v : '';
  if (!/outbox/i.test(tableName) && !/outbox/i.test(cls.name?.text ?? '')) return;
  const lib = scope.libs.has('typeorm') ? 'typeorm' : [...scope.libs].find((l) => l.startsWith('@mikro-orm/')) ?? (scope.libs.has('sequelize-typescript') ? 'sequelize-typescript' : 'typeorm');
  push(scope, 'outbox.table', lib, 'outbox', 'infra', null, cls.name ?? cls, cls.name ?? cls);
}
