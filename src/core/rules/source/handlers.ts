// Where a consumer's handler code is, and what it does: the callback passed to the subscribe/consume
// call (inline, or a function of the same file named there), a Kafka `eachMessage`/`eachBatch`, or the
// method under a decorator. Then: does that code write durable state, and does it guard against
// redelivery? All on the masked text (see mask.ts), except SQL, which lives in strings.
import type { Detection } from '../../analysis/types';
import type { LocatedSource } from '../context';

export interface CodeSpan {
  start: number;
  end: number;
}

/** The handler code of a consumer detection, or undefined when it cannot be found in the file. */
export function handlerSpan(src: LocatedSource, d: Detection): CodeSpan | undefined {
  const { view } = src;
  const at = view.offsetAt(d.line, d.column);
  if (view.text[at] === '@' || view.text[at - 1] === '@') return decoratedMethod(src, at);
  if (d.kind === 'kafka.consume') return kafkaRunHandler(src, at);
  const open = view.masked.indexOf('(', at);
  const close = open === -1 ? undefined : view.match(open);
  if (close === undefined || open > view.lineEnd(at) + 200) return undefined;
  const args = view.masked.slice(open + 1, close);
  if (/=>|\bfunction\b/.test(args)) return { start: open + 1, end: close };
  if (d.kind === 'redis.subscribe') {
    const listener = messageListener(src, d);
    if (listener) return listener;
  }
  // A handler passed by name: `sub.subscribe('ch', onMessage)` / `{ callback: onMessage }`.
  const name = /,\s*(?:\{\s*callback\s*:\s*)?([A-Za-z_$][\w$]*)\s*}?\s*$/.exec(args)?.[1];
  return name ? namedFunction(src, name) : undefined;
}

/** ioredis: `sub.subscribe('ch')` then `sub.on('message', (channel, raw) => …)` on the same connection. */
function messageListener(src: LocatedSource, d: Detection): CodeSpan | undefined {
  const receiver = /^([A-Za-z_$][\w$.]*)\.p?subscribe\b/i.exec(d.snippet)?.[1];
  if (!receiver) return undefined;
  const { view } = src;
  const esc = receiver.replace(/[.$]/g, (c) => `\\${c}`);
  const on = new RegExp(`(?<![\\w$.])${esc}\\.(?:on|addListener|once)\\s*\\(`, 'g');
  for (const m of view.masked.matchAll(on)) {
    const open = m.index + m[0].length - 1;
    const close = view.match(open);
    if (close === undefined || !/^\s*['"`](p?message(Buffer)?)['"`]/.test(view.text.slice(open + 1, close))) continue;
    const args = view.masked.slice(open + 1, close);
    if (/=>|\bfunction\b/.test(args)) return { start: open + 1, end: close };
    const name = /,\s*([A-Za-z_$][\w$]*)\s*$/.exec(args)?.[1];
    return name ? namedFunction(src, name) : undefined;
  }
  return undefined;
}

function decoratedMethod(src: LocatedSource, at: number): CodeSpan | undefined {
  const { view } = src;
  for (let i = view.masked.indexOf('{', at); i !== -1 && i < at + 2000; i = view.masked.indexOf('{', i + 1)) {
    if (view.isFunctionBody(i)) {
      const close = view.match(i);
      return close === undefined ? undefined : { start: i, end: close + 1 };
    }
  }
  return undefined;
}

/** kafkajs: `consumer.subscribe({ topic })` names the topic, `consumer.run({ eachMessage })` handles it. */
function kafkaRunHandler(src: LocatedSource, at: number): CodeSpan | undefined {
  const { view } = src;
  const run = /\.run\s*\(/g;
  run.lastIndex = 0;
  // The first `run(...)` after the subscribe, else any in the file.
  let best: CodeSpan | undefined;
  for (let m = run.exec(view.masked); m; m = run.exec(view.masked)) {
    const open = m.index + m[0].length - 1;
    const close = view.match(open);
    if (close === undefined) continue;
    const span = view.propertyValue('eachMessage', open, close) ?? view.propertyValue('eachBatch', open, close);
    if (!span) continue;
    if (m.index > at) return span;
    best ??= span;
  }
  return best;
}

function namedFunction(src: LocatedSource, name: string): CodeSpan | undefined {
  const { view } = src;
  const esc = name.replace(/\$/g, '\\$');
  const decl = new RegExp(`(?:\\bfunction\\s+${esc}\\s*\\(|\\b${esc}\\s*=\\s*(?:async\\s*)?(?:\\([^)]*\\)|[\\w$]+)\\s*(?::[^=]*)?=>|^\\s*(?:async\\s+)?${esc}\\s*\\([^)]*\\)\\s*(?::[^{]*)?\\{)`, 'm');
  const m = decl.exec(view.masked);
  if (!m) return undefined;
  const brace = view.masked.indexOf('{', m.index + m[0].length - 1);
  const close = brace === -1 ? undefined : view.match(brace);
  if (close === undefined) {
    // A concise arrow body: up to the end of its statement.
    const end = view.masked.indexOf(';', m.index);
    return { start: m.index, end: end === -1 ? view.text.length : end };
  }
  return { start: m.index, end: close + 1 };
}

/** SQL that changes rows, in string literals or tagged templates. */
const SQL_WRITE = /\b(INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE\s+[\w".`[\]]+\s+SET|DELETE\s+FROM|REPLACE\s+INTO|MERGE\s+INTO)\b/i;
/** ORM and driver calls that write, on receivers that look like a database handle. */
const ORM_WRITE =
  /\b(?:prisma|db|database|knex|tx|trx|repo\w*|\w+Repository|em|entityManager|manager|sequelize|drizzle|mongo\w*|collection)\b(?:\.[\w$]+|\([^()]*\))*?\.(create|createMany|insert|insertOne|insertMany|save|update|updateOne|updateMany|upsert|delete|deleteMany|destroy|bulkWrite|findOneAndUpdate|replaceOne|increment|decrement)\s*\(/;
/** Mongo-style method names no other library uses. */
const UNAMBIGUOUS_WRITE = /\.(insertOne|insertMany|updateOne|updateMany|replaceOne|findOneAndUpdate|bulkWrite)\s*\(/;

/** Offset of the first durable write in the span, if any. */
export function durableWriteIn(src: LocatedSource, span: CodeSpan): number | undefined {
  const text = src.view.text.slice(span.start, span.end);
  const masked = src.view.masked.slice(span.start, span.end);
  const hits = [SQL_WRITE.exec(text)?.index, ORM_WRITE.exec(masked)?.index, UNAMBIGUOUS_WRITE.exec(masked)?.index].filter((i): i is number => i !== undefined);
  return hits.length === 0 ? undefined : span.start + Math.min(...hits);
}

/**
 * Signs that a redelivered message is harmless: an upsert or conflict clause, an inbox / processed
 * table, a dedupe key check, a Redis SET NX, or the words people name these things with.
 */
const DEDUPE =
  /\b(upsert\w*|onConflict\w*|ON\s+CONFLICT|ON\s+DUPLICATE\s+KEY|INSERT\s+IGNORE|INSERT\s+OR\s+IGNORE|orIgnore|ignoreDuplicates|skipDuplicates|doNothing|onDuplicateKeyUpdate|inbox\w*|processed_?\w*|dedup\w*|deduplicat\w*|idempot\w*|alreadyProcessed|alreadyHandled|setnx|SETNX|NX)\b/i;

export function guardsRedelivery(src: LocatedSource, span: CodeSpan): boolean {
  return DEDUPE.test(src.view.text.slice(span.start, span.end));
}
