// A cheap text prefilter so only files that can hold a construct are parsed.
//   stage 1: the file imports/requires a relevant library, or contains a construct token that needs no
//            import (`text/event-stream`, `new EventSource`, `.subscription(`, outbox, `@Sse`…);
//   stage 2: the file uses a name it imports from a workspace module that leads to stage 1 (a client
//            created in `./redis.ts` and used in `./orders.ts`), and that export can carry a construct; or
//            it calls through a member a Fastify plugin decorates. Decided by the engine
//            (runtime/inclusion.ts), which knows the other files.

/** A relevant library's quoted name (then checked to follow `from`, `require(` or `import(`): a quote-first
 *  pattern scans faster than one starting with the keyword alternatives. */
const LIB_QUOTE = new RegExp(
  String.raw`['"](?:kafkajs|ioredis|redis|@redis/client|nats|nats\.ws|@nats-io/[\w.-]+|amqplib(?:/callback_api)?|amqp-connection-manager|bullmq|bull|@nestjs/(?:bull|bullmq|microservices|websockets|event-emitter)|socket\.io|socket\.io-client|ws|isomorphic-ws|(?:node:)?events|eventemitter[23]|emittery|mitt|@(?:microsoft|fortaine)/fetch-event-source|eventsource|express-ws|uWebSockets\.js|uws|hono/streaming|@trpc/server/adapters/(?:standalone|fetch))['"]`,
  'g',
);
const IMPORT_BEFORE = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*)$/;
/** Literal pre-check for TOKENS (cheaper than the full pattern on the many files without any). */
const TOKEN_HINT = /EventSource|WebSocket|\.subscription|Mutation|mutationOptions|@Sse|Transport\.|streamSSE|WSClient|SubscriptionLink/;
const TOKENS = /new\s+EventSource\b|new\s+WebSocket\b|\.subscription\s*\(|(?:use|inject|create)Mutation\s*[(<]|mutationOptions\s*[(<]|@Sse\b|Transport\.[A-Z]|streamSSE|createWSClient|httpSubscriptionLink/;
/** The same tokens, scanned globally so hits on comment lines can be skipped. */
const TOKENS_ALL = new RegExp(TOKENS.source, 'g');
/** A line that is a comment from its start (`// …`, `/* …`, ` * …` of a doc block): a token there is prose
 *  (tRPC and Effect document `.subscription()` in JSDoc), never a construct. Only whole-line comments count,
 *  so a `//` inside a string before the token (`'http://…'`) cannot hide code. */
const COMMENT_LINE = /^[ \t]*(?:\/\/|\/\*|\*(?:[ \t]|$))/;
/** Outbox mentions count only next to a table definition or a read of rows (an ABI named `Outbox` does not). */
const OUTBOX = /[Oo]utbox|OUTBOX/;
const OUTBOX_CONTEXT =
  /\b(?:CREATE|ALTER)\s+TABLE\b[^;]{0,120}outbox|@Entity\b[\s\S]{0,300}outbox|Table\s*\(\s*['"`]\w*outbox|(?:createTable|alterTable)\s*\(\s*['"`]\w*outbox|EntitySchema\b[\s\S]{0,300}outbox|FROM\s+["`]?\w*outbox|outbox\w*["'`]?\s*\)?\s*\.\s*(?:find|select|where|from)|\(\s*\w*outbox\w*\s*[,)]/i;
/** `text/event-stream` counts as a server construct only with a content-type header nearby in the file. */
const SSE_TYPE = /text\/event-stream/;
const CONTENT_TYPE = /content-type|\.type\s*\(|contentType/i;
const FETCH_READER = /\bfetch\s*\(/;
const DATA_LINES = /['"`]data:/;
const REEXPORT = /export\s*(?:\*(?:\s*as\s+[\w$]+)?|\{[^}]*\})\s*from\s*['"](\.{1,2}(?:\/[^'"\n]*)?)['"]/y;
/** A quoted specifier right after `from`, `require(` or `import(`: relative, or a bare one that may be the
 *  workspace's own (a tsconfig `paths` alias, a framework alias, a workspace package imported by name). */
const IMPORT_QUOTE = /(?:\bfrom|\brequire\s*\(|\bimport\s*\()\s*['"]([^'"\n]+)['"]/g;
/** `import a, { b as c } from`, `import * as d from`, `const { e } = require(`, `const f = require(` (at the end),
 *  also a later declarator of one `var` list (`var a = require('./a'),\n    b = require('./b')`). */
const BINDING_BEFORE = /(?:import\s+([\w$\s{},*]+?)\s+from\s*|(?:(?:const|let|var)\s+|,\s*)([\w$]+|\{[^}]*\})\s*=\s*(?:await\s+)?(?:require|import)\s*\(\s*)$/;
/** After an imported name: a member chain ending in a messaging-like call (`bus.emit(`, `io.to(`) or a
 *  singleton getter (`Server.getInstance(`). */
const CHAIN_CALL = /(?:\.[\w$]+)*\.(?:publish|emit|send|sendBatch|add|addBulk|upsertJobScheduler|subscribe|psubscribe|sendToQueue|consume|on|once|request|xadd|xAdd|call|respond|process|to|in|producer|consumer|jetstream|createChannel|adapter|getInstance|instance|shared)\s*\(/y;
/** A library binding used at all: called, a generic type (`Socket<…>`), or a member of it called or
 *  constructed (`amqp.connect(`). */
const LIB_USE = /\s*(?:\(|<|\.\s*[\w$]+\s*[(.])/y;
const IDENT = /[\w$]/;
/**
 * One pass that every stage-1 test needs a hit of (the token hints, a library's quoted name, the SSE type,
 * an outbox mention, `fetch`): most files have none, and one combined scan costs about half of the five
 * separate ones. A hit only means the exact tests below run.
 */
/** socket.io's documented handler modules take `(io, socket)` without importing socket.io. */
const IO_SOCKET_PARAMS = /\(\s*(?:io\s*,\s*socket|socket\s*,\s*io)\s*[,)]/;
const STAGE1_GATE = new RegExp(`${TOKEN_HINT.source}|${LIB_QUOTE.source}|text\\/event-stream|${OUTBOX.source}|fetch|${IO_SOCKET_PARAMS.source}`);

export interface PrefilterInfo {
  stage1: boolean;
  /** Specifiers of imports and requires (relative and bare), for stage 2; empty for stage-1 files. The
   *  names they bind (`importedNames`) are worked out only for files importing a module that leads to
   *  stage 1. */
  importSpecs: string[];
  reexportSpecs: string[];
  /** Members this file hangs on a Fastify instance (`fastify.decorate('redis', …)`). */
  decorates: string[];
  /** Fastify code that is not stage 1: members it calls through (`app.redis.publish(…)` → `redis`), which
   *  make it a stage-2 file when some plugin of the workspace decorates one of them. */
  decoUses: string[];
  /** Not stage 1, but the text has a persistent-write call (`.update(`, `.save(`, `INSERT INTO`…): a
   *  data-access helper, parsed when an included file imports it (dual writes through helpers). */
  writesHint?: boolean;
}

/** Calls and SQL that may write persistent state (the extractor decides; this only says "worth parsing"). */
const WRITE_METHODS = String.raw`(?:create|createMany|update|updateMany|updateOne|upsert|insert|insertOne|insertMany|delete|deleteMany|deleteOne|destroy|persist|persistAndFlush|bulkCreate|findOneAndUpdate|findByIdAndUpdate|insertInto|updateTable|deleteFrom)`;
const WRITE_HINT = new RegExp(
  [
    // a database-like receiver, then members or calls, then a write (`this.prisma.invoice.update(`, `knex('t').insert(`)
    String.raw`\b(?:prisma|db|tx|trx|\w*[Rr]epo(?:sitory)?|manager|em|\w*[Mm]odel|knex|collection|sequelize|mongo\w*|database|queryRunner|orm)\b(?:\s*\.\s*[\w$]+|\([^()\n]{0,80}\))*\s*\.\s*${WRITE_METHODS}\s*\(`,
    // an ORM model class (`Note.update(`), not a built-in
    String.raw`\b(?!Object\b|Array\b|Reflect\b|Promise\b|Math\b|JSON\b|Date\b|Buffer\b|Symbol\b|Map\b|Set\b)[A-Z][a-z]\w*\.${WRITE_METHODS}\s*\(`,
    String.raw`\.\s*save\s*\(`,
    String.raw`\b(?:INSERT\s+INTO|UPDATE\s+[\w"\`.]+\s+SET|DELETE\s+FROM)\b`,
  ].join('|'),
);

/** A cheap first pass (a `.` or an SQL keyword first) before the receiver-aware pattern. */
const WRITE_GATE = new RegExp(String.raw`\.\s*(?:${WRITE_METHODS}|save)\s*\(|INSERT\s+INTO|UPDATE\s|DELETE\s+FROM`);

/** A name bound by an import: the local name and the exported name it stands for (`default`; `*` for a
 *  namespace, a whole `require(…)` or a dynamic `import(…)`, which may be any export). */
export interface BoundName {
  local: string;
  imported: string;
}

/** Names bound by the import/require whose quoted specifier starts at `at`; null when unbound. */
function boundNames(text: string, at: number): BoundName[] | null {
  // The pattern ends with `from` or `require(`/`import(` right before the quote: check that first (cheap)
  // so quotes that are no import (most string literals) skip the backwards regex over 400 characters.
  if (!importKeywordBefore(text, at)) return null;
  const m = BINDING_BEFORE.exec(text.slice(Math.max(0, at - 400), at));
  if (!m) return null;
  const isImport = m[1] !== undefined;
  const clause = (m[1] ?? m[2] ?? '').replace(/\btype\b/g, ' ');
  const out: BoundName[] = [];
  // Inside braces a part names an export; outside, it is a default import (`import a, {…}`), a namespace
  // (`* as ns`) or a whole module bound by `require`/`import()`.
  let inBraces = false;
  for (const piece of clause.split(/([{}])|,/)) {
    if (piece === '{') inBraces = true;
    else if (piece === '}') inBraces = false;
    const p = piece?.trim();
    if (!p || p === '{' || p === '}') continue;
    const renamed = /^([\w$]+)\s*(?:\bas\b|:)\s*([\w$]+)$/.exec(p);
    if (renamed?.[1] && renamed[2]) {
      out.push({ local: renamed[2], imported: inBraces ? renamed[1] : '*' });
      continue;
    }
    const ns = /^\*\s*as\s+([\w$]+)$/.exec(p);
    if (ns?.[1]) {
      out.push({ local: ns[1], imported: '*' });
      continue;
    }
    if (/^[\w$]+$/.test(p)) out.push({ local: p, imported: inBraces ? p : isImport ? 'default' : '*' });
  }
  return out;
}

/**
 * Names bound by relative imports: `[local, specifier, imported]`, where `imported` is the export the name
 * stands for (`default`, or `*` for a whole module).
 */
export function importedNames(text: string): [string, string, string][] {
  const names = new Map<string, [string, string]>();
  for (const q of text.matchAll(IMPORT_QUOTE)) {
    const spec = q[1] ?? '';
    if (spec.startsWith('node:')) continue;
    for (const b of boundNames(text, (q.index ?? 0) + q[0].length - spec.length - 2) ?? []) {
      if (!names.has(b.local)) names.set(b.local, [spec, b.imported]);
    }
  }
  return [...names].map(([local, [spec, imported]]) => [ownCopy(local), ownCopy(spec), ownCopy(imported)]);
}

/** Specifiers that follow `from`, `require(` or `import(` (each once, in order), but Node built-ins. */
function importSpecifiers(text: string): string[] {
  const specs: string[] = [];
  for (const q of text.matchAll(IMPORT_QUOTE)) {
    const spec = q[1] ?? '';
    if (!spec.startsWith('node:') && !specs.includes(spec)) specs.push(ownCopy(spec));
  }
  return specs;
}

/**
 * Does the file use a relevant library? An import that binds names counts when one of them is used
 * (constructed, called, extended, a member called, or a declared type); an unbound one
 * (`require('socket.io')(server)`, a re-export) counts as is. `import { EventEmitter } from 'events'` used
 * only as `EventEmitter.prototype` does not.
 */
function usesLibrary(text: string): boolean {
  for (const m of text.matchAll(LIB_QUOTE)) {
    const quoteAt = m.index ?? 0;
    if (!IMPORT_BEFORE.test(text.slice(Math.max(0, quoteAt - 20), quoteAt))) continue;
    // JSDoc types (` * @template {import("events").EventEmitter} T`) import nothing.
    if (onCommentLine(text, quoteAt)) continue;
    const names = boundNames(text, quoteAt);
    if (names === null) return true;
    if (names.some((n) => libraryNameUsed(text, n.local, quoteAt))) return true;
  }
  return false;
}

/** Does a stage-1 token occur outside whole-line comments? */
function tokenInCode(text: string): boolean {
  for (const m of text.matchAll(TOKENS_ALL)) if (!onCommentLine(text, m.index ?? 0)) return true;
  return false;
}

// Is `at` on a line that is a comment from its start? A block comment closed before `at` on that line
// (an eslint-disable comment, then `new EventSource(url)`) leaves it in code.
function onCommentLine(text: string, at: number): boolean {
  const lead = text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
  return COMMENT_LINE.test(lead) && !lead.includes('*/');
}

/**
 * Is a library binding used? As `usesName(…, true)`, except for two weak uses that cannot yield a tag:
 * `Name.prototype…` (a constructor's prototype: `EE.prototype.on.call(body, …)`) and the binding itself
 * when it renames (`const { EventEmitter: EE } = require(…)`, which the declared-type test would take for
 * `: Type`). They count only when the name also appears bare after its import (`module.exports = { EE }`
 * could hand the constructor to another file), so a file that can hold a construct is still parsed.
 */
function libraryNameUsed(text: string, name: string, quoteAt: number): boolean {
  const from = Math.max(0, quoteAt - 400);
  const clause = BINDING_BEFORE.exec(text.slice(from, quoteAt));
  const clauseAt = clause ? from + clause.index : quoteAt;
  let weak = false;
  let bare = false;
  let seen = 0;
  for (let at = text.indexOf(name); at >= 0 && seen < 2000; at = text.indexOf(name, at + name.length), seen++) {
    const proto = text.startsWith('.prototype', at + name.length);
    if (usedAt(text, at, name, true)) {
      if (!proto && (at < clauseAt || at >= quoteAt)) return true;
      weak = true;
    } else if (at > quoteAt && !proto && isWholeWord(text, at, name)) {
      // Handed on to other files (`exports.connect = connect`, `module.exports = { connect }`,
      // `export { connect }`): the importers' uses are the constructs, so the binding counts.
      if (EXPORTED_BEFORE.test(text.slice(Math.max(0, at - 200), at))) return true;
      bare = true;
    }
  }
  return weak && bare;
}

/** Right before a name: it is being exported (CommonJS assignment, `module.exports = {…}`, `export {…}`). */
const EXPORTED_BEFORE = /(?:\bexports(?:\.[\w$]+)?\s*=\s*|\bmodule\.exports\s*=\s*\{[^}]*|\bexport\s*\{[^}]*)$/;

function isWholeWord(text: string, at: number, name: string): boolean {
  const before = text[at - 1] ?? ' ';
  return !IDENT.test(before) && before !== '.' && !IDENT.test(text[at + name.length] ?? ' ');
}

/**
 * Is an imported name used as a messaging receiver, base class, constructor, decorator, declared type
 * (`socket: ChatSocket`) or called (a wrapper or a client factory)? Run only for names whose module leads
 * to stage 1, which is why the engine calls it (with the text) instead of the scan.
 */
export function usesName(text: string, name: string, library = false): boolean {
  // One-letter names (`t`, `e`) occur everywhere and are not how clients or buses are named.
  if (name.length < 2 && !library) return false;
  let seen = 0;
  for (let at = text.indexOf(name); at >= 0 && seen < 2000; at = text.indexOf(name, at + name.length), seen++) {
    if (usedAt(text, at, name, library)) return true;
  }
  return false;
}

/** Right after a name: a member access (`ns.member`, also across whitespace). */
const MEMBER_AFTER = /\s*\.\s*([\w$]+)/y;
/** Right before a name: what binds it (`* as ns`, `const ns =`), not a use. */
const BINDER_BEFORE = /(?:\bas|\bconst|\blet|\bvar)\s+$/;
const CALL_AFTER = /\s*\(/y;
const IN_STRING_BEFORE = /['"`/@-]/;
const CONSTRUCT_BEFORE = /\b(?:new|extends)\s+$/;

/**
 * The members a module binding is used through (`HttpApiSchema.Empty`, `events.publish(…)`), or null when it
 * is also used bare (passed along, called, spread), where any export may be reached.
 */
export function namespaceMembers(text: string, name: string): Set<string> | null {
  const members = new Set<string>();
  let seen = 0;
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
    if (++seen > 2000) return null;
    const before = text[at - 1] ?? ' ';
    const end = at + name.length;
    if (IDENT.test(before) || before === '.' || IDENT.test(text[end] ?? ' ')) continue;
    // Inside a specifier or another string (`'./schema'`, `'@app/schema'`): not the binding.
    if (IN_STRING_BEFORE.test(before)) continue;
    MEMBER_AFTER.lastIndex = end;
    const m = MEMBER_AFTER.exec(text);
    if (m?.[1]) {
      members.add(m[1]);
      continue;
    }
    if (BINDER_BEFORE.test(text.slice(Math.max(0, at - 12), at)) || onCommentLine(text, at)) continue;
    // `new ns(…)`, `ns(…)`, `extends ns`: a whole `require(…)` used as its `module.exports` value.
    CALL_AFTER.lastIndex = end;
    if (CALL_AFTER.test(text) || CONSTRUCT_BEFORE.test(text.slice(Math.max(0, at - 12), at))) {
      members.add('default');
      continue;
    }
    // Object keys and property names in a literal (`{ HttpApiSchema: … }`) are not uses either, but
    // telling them apart needs a parse: treat every other occurrence as a bare use.
    return null;
  }
  return members;
}

/** Is the occurrence of `name` at `at` a receiver, base class, constructor, decorator or declared type? */
function usedAt(text: string, at: number, name: string, library: boolean): boolean {
  const before = text[at - 1] ?? ' ';
  const end = at + name.length;
  if (IDENT.test(before) || before === '.' || IDENT.test(text[end] ?? ' ')) return false;
  if (library) {
    LIB_USE.lastIndex = end;
    if (LIB_USE.test(text)) return true;
  }
  CHAIN_CALL.lastIndex = end;
  if (CHAIN_CALL.test(text)) return true;
  // `publishEvent('orders.created', …)`, `await getProducer()`, `createKafka().consumer(…)`: a call of a
  // possible wrapper or client factory. The engine then keeps the file only when the export can carry a
  // construct (inclusion.ts), so ordinary helper calls cost a lookup, not a parse.
  CALL_AFTER.lastIndex = end;
  if (CALL_AFTER.test(text)) return true;
  if (before === '@') return true;
  let i = at - 1;
  while (i >= 0 && /\s/.test(text[i] ?? '')) i--;
  if (text[i] === ':' || text[i] === '<' || text[i] === '|') return true;
  const word = /([\w$]+)$/.exec(text.slice(Math.max(0, i - 10), i + 1))?.[1];
  return word === 'new' || word === 'extends';
}

export function prefilter(text: string): PrefilterInfo {
  const stage1 =
    STAGE1_GATE.test(text) &&
    ((TOKEN_HINT.test(text) && TOKENS.test(text) && tokenInCode(text)) ||
    usesLibrary(text) ||
    (SSE_TYPE.test(text) && CONTENT_TYPE.test(text)) ||
    (OUTBOX.test(text) && OUTBOX_CONTEXT.test(text)) ||
    (FETCH_READER.test(text) && DATA_LINES.test(text)) ||
    IO_SOCKET_PARAMS.test(text));
  const reexportSpecs: string[] = [];
  const importSpecs = stage1 ? [] : importSpecifiers(text);
  // Re-exports (barrels): a sticky check at each `export`, cheaper than scanning with the whole pattern.
  for (let at = text.indexOf('export'); at >= 0; at = text.indexOf('export', at + 6)) {
    // Most `export`s are declarations (`export const`, `exports.x`): a re-export has `*` or `{` next.
    let next = at + 6;
    while (next < text.length && isSpace(text.charCodeAt(next))) next++;
    const c = text.charCodeAt(next);
    if (c !== 42 /* * */ && c !== 123 /* { */) continue;
    REEXPORT.lastIndex = at;
    const m = REEXPORT.exec(text);
    if (m?.[1] && !reexportSpecs.includes(m[1])) reexportSpecs.push(ownCopy(m[1]));
  }
  const decorates = text.includes('.decorate') ? matchedNames(text, DECORATE) : [];
  const decoUses = !stage1 && FASTIFY.test(text) ? matchedNames(text, MEMBER_CALL) : [];
  const info: PrefilterInfo = { stage1, importSpecs, reexportSpecs, decorates, decoUses };
  if (!stage1 && WRITE_GATE.test(text) && WRITE_HINT.test(text)) info.writesHint = true;
  return info;
}

const DECORATE = /\.decorate\s*\(\s*['"]([\w$]+)['"]/g;
const FASTIFY = /fastify/i;
/** `app.redis.publish(`, `this.producer.send(`, `request.server.redisSub.subscribe(`: the middle member. */
const MEMBER_CALL = /(?:\bthis|[\w$]+)\s*\.\s*([A-Za-z_$][\w$]*)\s*\.\s*[A-Za-z_$][\w$]*\s*\(/g;

/** The distinct first captures of a global pattern (at most 200: a file is not a registry). */
function matchedNames(text: string, re: RegExp): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(re)) {
    if (m[1]) out.add(ownCopy(m[1]));
    if (out.size >= 200) break;
  }
  return [...out];
}

/** The characters `\s` matches (the re-export pattern allows them between `export` and `*`/`{`). */
function isSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 128) return false;
  return /\s/.test(String.fromCharCode(c));
}

/** Does `from` or `require(`/`import(` (with optional whitespace) end right before `at`? */
function importKeywordBefore(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  if (i >= 3 && text.startsWith('from', i - 3)) return true;
  if (text.charCodeAt(i) !== 40 /* ( */) return false;
  i--;
  while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  return (i >= 6 && text.startsWith('require', i - 6)) || (i >= 5 && text.startsWith('import', i - 5));
}

/**
 * A copy of a string that does not point into the file's text. Regex captures of 13+ characters are
 * slices of the whole text, so keeping one (a specifier in the per-file state) would keep every file's
 * text alive for the analyzer's lifetime: tens of MB of heap that every full GC has to move.
 */
function ownCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
