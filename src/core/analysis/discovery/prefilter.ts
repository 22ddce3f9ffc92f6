// A cheap text prefilter so only files that can hold a construct are parsed.
//   stage 1: the file imports/requires a relevant library, or contains a construct token that needs no
//            import (`text/event-stream`, `new EventSource`, `.subscription(`, outbox, `@Sse`…);
//   stage 2: the file calls a messaging-like method on (or extends, or constructs) a name it imports from a
//            workspace module, and that module passes stage 1 (a client created in `./redis.ts` and used
//            in `./orders.ts`). Decided by the engine, which knows the other files.

const LIB_IMPORT = new RegExp(
  String.raw`(?:from\s*|require\s*\(\s*|import\s*\(\s*)['"](?:kafkajs|ioredis|redis|@redis/client|nats|nats\.ws|@nats-io/[\w.-]+|amqplib(?:/callback_api)?|amqp-connection-manager|bullmq|bull|@nestjs/(?:bull|bullmq|microservices|websockets|event-emitter)|socket\.io|socket\.io-client|ws|isomorphic-ws|(?:node:)?events|eventemitter[23]|emittery|mitt|@microsoft/fetch-event-source|eventsource|express-ws|uWebSockets\.js|hono/streaming|@trpc/server/adapters/(?:standalone|fetch))['"]`,
);
const TOKENS = /text\/event-stream|new\s+EventSource\b|new\s+WebSocket\b|\.subscription\s*\(|(?:use|inject|create)Mutation\s*[(<]|mutationOptions\s*[(<]|@Sse\b|Transport\.[A-Z]|streamSSE|createWSClient|httpSubscriptionLink/;
/** Outbox mentions count only next to a table definition or a read of rows (an ABI named `Outbox` does not). */
const OUTBOX = /[Oo]utbox|OUTBOX/;
const OUTBOX_CONTEXT = /\b(?:CREATE|ALTER)\s+TABLE\b|@Entity\b|Table\s*\(|createTable|alterTable|EntitySchema|FROM\s+["`]?\w*outbox|outbox\w*["'`]?\s*\)?\s*\.\s*(?:find|select|where|from)|\(\s*\w*outbox\w*\s*[,)]/i;
const FETCH_READER = /\bfetch\s*\(/;
const DATA_LINES = /['"`]data:/;
const REEXPORT = /export\s*(?:\*(?:\s*as\s+[\w$]+)?|\{[^}]*\})\s*from\s*['"](\.{1,2}(?:\/[^'"\n]*)?)['"]/y;
/** A quoted relative specifier; the statement before it says whether it is an import that binds names. */
const REL_QUOTE = /['"](\.{1,2}(?:\/[^'"\n]*)?)['"]/g;
/** `import a, { b as c } from`, `import * as d from`, `const { e } = require(`, `const f = require(` (at the end). */
const BINDING_BEFORE = /(?:import\s+([\w$\s{},*]+?)\s+from\s*|(?:const|let|var)\s+([\w$]+|\{[^}]*\})\s*=\s*require\s*\(\s*)$/;
/** After an imported name: a member chain ending in a messaging-like call (`bus.emit(`, `io.to(`). */
const CHAIN_CALL = /(?:\.[\w$]+)*\.(?:publish|emit|send|sendBatch|add|addBulk|upsertJobScheduler|subscribe|psubscribe|sendToQueue|consume|on|once|request|xadd|xAdd|call|respond|process|to|in|producer|consumer|jetstream|createChannel|adapter)\s*\(/y;
const LITERAL_CALL = /\s*\(\s*['"`]/y;
const IDENT = /[\w$]/;

export interface PrefilterInfo {
  stage1: boolean;
  /** Stage 2 candidate: uses a relatively imported name as a messaging receiver. */
  stage2Tokens: boolean;
  /** Relative specifiers whose imported names are used that way. */
  relSpecs: string[];
  reexportSpecs: string[];
}

/** Local names bound by relative imports, each with the specifier it comes from. */
function importedNames(text: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const q of text.matchAll(REL_QUOTE)) {
    const at = q.index ?? 0;
    const m = BINDING_BEFORE.exec(text.slice(Math.max(0, at - 400), at));
    if (!m) continue;
    const clause = (m[1] ?? m[2] ?? '').replace(/\btype\b/g, ' ');
    const spec = q[1] ?? '';
    for (const part of clause.split(/[{},]/)) {
      const p = part.trim();
      if (!p) continue;
      const local = /(?:\bas\s+|\*\s*as\s+|:\s*)([\w$]+)$/.exec(p)?.[1] ?? (/^[\w$]+$/.test(p) ? p : null);
      if (local && !names.has(local)) names.set(local, spec);
    }
  }
  return names;
}

/** Specifiers of the imports whose names are used as messaging receivers, base classes, constructors or
 *  parameter/field types (`socket: ChatSocket`). */
function usedSpecs(text: string, names: Map<string, string>): string[] {
  const specs = new Set<string>();
  for (const [name, spec] of names) {
    // One-letter names (`t`, `e`) occur everywhere and are not how clients or buses are named.
    if (specs.has(spec) || name.length < 2) continue;
    let seen = 0;
    for (let at = text.indexOf(name); at >= 0 && seen < 400; at = text.indexOf(name, at + name.length), seen++) {
      if (usedAt(text, at, name)) {
        specs.add(spec);
        break;
      }
    }
  }
  return [...specs];
}

/** Is the occurrence of `name` at `at` a receiver, base class, constructor, decorator or declared type? */
function usedAt(text: string, at: number, name: string): boolean {
  const before = text[at - 1] ?? ' ';
  const end = at + name.length;
  if (IDENT.test(before) || before === '.' || IDENT.test(text[end] ?? ' ')) return false;
  CHAIN_CALL.lastIndex = end;
  if (CHAIN_CALL.test(text)) return true;
  // `publishEvent('orders.created', …)`: a call of a possible wrapper with a literal channel.
  LITERAL_CALL.lastIndex = end;
  if (LITERAL_CALL.test(text)) return true;
  if (before === '@') return true;
  let i = at - 1;
  while (i >= 0 && /\s/.test(text[i] ?? '')) i--;
  if (text[i] === ':' || text[i] === '<' || text[i] === '|') return true;
  const word = /([\w$]+)$/.exec(text.slice(Math.max(0, i - 10), i + 1))?.[1];
  return word === 'new' || word === 'extends';
}

export function prefilter(text: string): PrefilterInfo {
  const stage1 =
    LIB_IMPORT.test(text) || TOKENS.test(text) || (OUTBOX.test(text) && OUTBOX_CONTEXT.test(text)) || (FETCH_READER.test(text) && DATA_LINES.test(text));
  let stage2Tokens = false;
  const relSpecs: string[] = [];
  const reexportSpecs: string[] = [];
  if (!stage1) {
    const names = importedNames(text);
    if (names.size) relSpecs.push(...usedSpecs(text, names));
    stage2Tokens = relSpecs.length > 0;
  }
  // Re-exports (barrels): a sticky check at each `export`, cheaper than scanning with the whole pattern.
  for (let at = text.indexOf('export'); at >= 0; at = text.indexOf('export', at + 6)) {
    REEXPORT.lastIndex = at;
    const m = REEXPORT.exec(text);
    if (m?.[1] && !reexportSpecs.includes(m[1])) reexportSpecs.push(m[1]);
  }
  return { stage1, stage2Tokens, relSpecs, reexportSpecs };
}
