// A cheap text prefilter so only files that can hold a construct are parsed.
//   stage 1: the file imports/requires a relevant library, or contains a construct token that needs no
//            import (`text/event-stream`, `new EventSource`, `.subscription(`, outbox, `@Sse`…);
//   stage 2: the file calls a messaging-like method on (or extends, or constructs) a name it imports from a
//            workspace module, and that module passes stage 1 (a client created in `./redis.ts` and used
//            in `./orders.ts`). Decided by the engine, which knows the other files.

const LIB_IMPORT = new RegExp(
  String.raw`(?:from\s*|require\s*\(\s*|import\s*\(\s*)['"](?:kafkajs|ioredis|redis|@redis/client|nats|nats\.ws|@nats-io/[\w.-]+|amqplib(?:/callback_api)?|amqp-connection-manager|bullmq|bull|@nestjs/(?:bull|bullmq|microservices|websockets|event-emitter)|socket\.io|socket\.io-client|ws|isomorphic-ws|(?:node:)?events|eventemitter[23]|emittery|mitt|@microsoft/fetch-event-source|eventsource|express-ws|uWebSockets\.js|hono/streaming)['"]`,
);
const TOKENS = /text\/event-stream|EventSource\b|new\s+WebSocket\b|\.subscription\s*\(|useMutation|injectMutation|createMutation|mutationOptions|[Oo]utbox|OUTBOX|@Sse\b|Transport\.[A-Z]|streamSSE|createWSClient|httpSubscriptionLink/;
const FETCH_READER = /\bfetch\s*\(/;
const DATA_LINES = /['"`]data:/;
const REEXPORT = /export\s*(?:\*|\{[^}]*\})\s*from\s*['"](\.{1,2}(?:\/[^'"\n]*)?)['"]/g;
/** `import a, { b as c } from './x'`, `import * as d from './x'`, `const { e } = require('./x')`, `const f = require('./x')`. */
const REL_BINDINGS = /(?:import\s+([\w$\s{},*]+?)\s+from\s*|(?:const|let|var)\s+([\w$]+|\{[^}]*\})\s*=\s*require\s*\(\s*)['"](\.{1,2}(?:\/[^'"\n]*)?)['"]/g;
const METHOD_CALL = /\.(?:publish|emit|send|sendBatch|add|addBulk|upsertJobScheduler|subscribe|psubscribe|sendToQueue|consume|on|once|request|xadd|xAdd|call|respond|process|to|in|producer|consumer|jetstream|createChannel|adapter)\s*\(/g;
const USE_AS_TYPE = /\bextends\s+([\w$]+)|\bnew\s+([\w$]+)|@([\w$]+)\(/g;
const IDENT_OR_DOT = /[\w$.]/;

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
  for (const m of text.matchAll(REL_BINDINGS)) {
    const clause = (m[1] ?? m[2] ?? '').replace(/\btype\b/g, ' ');
    const spec = m[3] ?? '';
    for (const part of clause.split(/[{},]/)) {
      const p = part.trim();
      if (!p) continue;
      const local = /(?:\bas\s+|\*\s*as\s+|:\s*)([\w$]+)$/.exec(p)?.[1] ?? (/^[\w$]+$/.test(p) ? p : null);
      if (local && !names.has(local)) names.set(local, spec);
    }
  }
  return names;
}

/** Root identifier of the member chain that ends just before `end` (`a.b.c` → `a`). */
function chainRoot(text: string, end: number): string {
  let i = end;
  while (i > 0 && IDENT_OR_DOT.test(text[i - 1] ?? '')) i--;
  const chain = text.slice(i, end);
  return chain.split('.')[0] ?? '';
}

/** Specifiers of the imports whose names are used as messaging receivers, base classes or constructors. */
function usedSpecs(text: string, names: Map<string, string>): string[] {
  const specs = new Set<string>();
  for (const m of text.matchAll(METHOD_CALL)) {
    const idx = m.index ?? 0;
    const spec = idx > 0 ? names.get(chainRoot(text, idx)) : undefined;
    if (spec) specs.add(spec);
  }
  for (const m of text.matchAll(USE_AS_TYPE)) {
    const n = m[1] ?? m[2] ?? m[3];
    const spec = n ? names.get(n) : undefined;
    if (spec) specs.add(spec);
  }
  return [...specs];
}

export function prefilter(text: string): PrefilterInfo {
  const stage1 = LIB_IMPORT.test(text) || TOKENS.test(text) || (FETCH_READER.test(text) && DATA_LINES.test(text));
  let stage2Tokens = false;
  const relSpecs: string[] = [];
  const reexportSpecs: string[] = [];
  if (!stage1) {
    const names = importedNames(text);
    if (names.size) relSpecs.push(...usedSpecs(text, names));
    stage2Tokens = relSpecs.length > 0;
  }
  if (text.includes('export')) for (const m of text.matchAll(REEXPORT)) if (m[1] && !reexportSpecs.includes(m[1])) reexportSpecs.push(m[1]);
  return { stage1, stage2Tokens, relSpecs, reexportSpecs };
}
