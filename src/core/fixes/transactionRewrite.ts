// Rewrites a function that writes PostgreSQL (node-postgres) and then publishes directly, so the events
// go to the outbox INSIDE the business transaction: `pool.query` becomes a client from `pool.connect()`
// between BEGIN and COMMIT, each direct publish becomes `enqueueOutboxEvent(client, …)`, and anything that
// leaves before COMMIT (a return, a throw) rolls back the write together with its events.
import type TS from 'typescript';
import { ts } from '../analysis/runtime/lazyTypescript';
import { indentBlock, type CodeStyle } from '../placement/codeStyle';

export interface PublishSite {
  /** Offset inside the call expression of the publish (the detection's position). */
  offset: number;
  broker: 'kafka' | 'bullmq';
  /** Resolved destination (topic / queue name), the fallback when the code's expression is unusable. */
  channel: string | null;
}

export interface RewriteResult {
  text: string;
  /** Destinations moved to the outbox, by broker (resolved names). */
  kafka: string[];
  bullmq: string[];
}

export class RewriteRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RewriteRefused';
  }
}

const WRITE_SQL = /^\s*(INSERT|UPDATE|DELETE|MERGE|UPSERT)\b/i;

/**
 * `primary` is the flagged publish; every site inside the same function moves with it (a function that
 * mentions the outbox is no dual write for the analyzer, so a half-moved function would hide the rest).
 */
export function rewriteToOutbox(fileName: string, text: string, primary: number, allSites: readonly PublishSite[], style: CodeStyle): RewriteResult {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const fn = enclosingFunction(sf, primary);
  if (!fn?.body || !ts.isBlock(fn.body)) throw new RewriteRefused('The publish is not inside a function with a block body.');
  const body = fn.body;
  const sites = allSites.filter((s) => s.offset >= body.getStart(sf) && s.offset < body.getEnd() && enclosingFunction(sf, s.offset) === fn);
  if (sites.length === 0) throw new RewriteRefused('No publish to move.');
  const statements = [...body.statements];
  const writeIndex = statements.findIndex((s) => writeReceiver(s, sf) !== undefined);
  if (writeIndex < 0) throw new RewriteRefused('No node-postgres write (pool.query with INSERT/UPDATE/DELETE) directly in the function.');
  const pool = writeReceiver(statements[writeIndex] as TS.Statement, sf) as string;
  if (/\bBEGIN\b/.test(body.getText(sf))) throw new RewriteRefused('The function already manages a transaction; add the outbox insert before its COMMIT.');

  const moved = statements.slice(writeIndex);
  const client = freeIdentifier(body.getText(sf), 'client');
  const committed = freeIdentifier(body.getText(sf), 'committed');
  const replacements: Array<{ start: number; end: number; text: string }> = [];
  const kafka = new Set<string>();
  const bullmq = new Set<string>();
  let lastPublishEnd = -1;
  for (const site of sites) {
    const stmt = moved.find((s) => s.getStart(sf) <= site.offset && site.offset < s.getEnd());
    if (!stmt || !ts.isExpressionStatement(stmt)) throw new RewriteRefused('A publish is not a statement of its own at the top level of the function.');
    const call = publishCall(stmt.expression);
    if (!call) throw new RewriteRefused(`Unrecognised publish call: ${stmt.getText(sf).slice(0, 60)}`);
    const enqueued = site.broker === 'kafka' ? kafkaEnqueue(call, sf, client, style) : bullEnqueue(call, sf, client, site, style);
    (site.broker === 'kafka' ? kafka : bullmq).add(enqueued.destination ?? site.channel ?? '');
    const stmtIndent = /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', stmt.getStart(sf)) + 1))?.[0] ?? '';
    replacements.push({ start: stmt.getStart(sf), end: stmt.getEnd(), text: enqueued.text.split(style.eol).join(style.eol + stmtIndent) });
    lastPublishEnd = Math.max(lastPublishEnd, stmt.getEnd());
  }
  // Every query on the pool inside the transaction runs on the transaction's client.
  const visit = (node: TS.Node): void => {
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === pool && node.name.text === 'query') {
      if (!replacements.some((r) => r.start <= node.getStart(sf) && node.getEnd() <= r.end)) {
        replacements.push({ start: node.expression.getStart(sf), end: node.expression.getEnd(), text: client });
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const s of moved) visit(s);

  const q = style.quote;
  const semi = style.semicolons ? ';' : '';
  const eol = style.eol;
  const lineStart = text.lastIndexOf('\n', moved[0]?.getStart(sf) ?? 0) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
  const commitLines = `${eol}${indent}${style.indent}await ${client}.query(${q}COMMIT${q})${semi}${eol}${indent}${style.indent}${committed} = true${semi}`;
  replacements.push({ start: lastPublishEnd, end: lastPublishEnd, text: `\uE002COMMIT\uE002` });
  const end = moved[moved.length - 1]?.getEnd() ?? lastPublishEnd;
  let segment = text.slice(lineStart, end);
  for (const r of [...replacements].sort((a, b) => b.start - a.start || b.end - a.end)) {
    segment = segment.slice(0, r.start - lineStart) + r.text + segment.slice(r.end - lineStart);
  }
  segment = indentBlock(segment, style.indent).replace(/\uE002COMMIT\uE002/, commitLines);
  const wrapped =
    `${indent}const ${client} = await ${pool}.connect()${semi}${eol}` +
    `${indent}let ${committed} = false${semi}${eol}` +
    `${indent}try {${eol}` +
    `${indent}${style.indent}await ${client}.query(${q}BEGIN${q})${semi}${eol}` +
    `${segment}${eol}` +
    `${indent}} finally {${eol}` +
    `${indent}${style.indent}// A return or a throw before COMMIT rolls the write back together with its outbox events.${eol}` +
    `${indent}${style.indent}if (!${committed}) await ${client}.query(${q}ROLLBACK${q}).catch(() => undefined)${semi}${eol}` +
    `${indent}${style.indent}${client}.release()${semi}${eol}` +
    `${indent}}`;
  return { text: text.slice(0, lineStart) + wrapped + text.slice(end), kafka: [...kafka], bullmq: [...bullmq] };
}

function enclosingFunction(sf: TS.SourceFile, offset: number): TS.FunctionLikeDeclaration | undefined {
  let found: TS.FunctionLikeDeclaration | undefined;
  const visit = (node: TS.Node): void => {
    if (offset < node.getFullStart() || offset >= node.getEnd()) return;
    if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.body) found = node;
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** `pool` in a statement that awaits `pool.query('INSERT …')` (the first argument a string literal). */
function writeReceiver(stmt: TS.Statement, sf: TS.SourceFile): string | undefined {
  let receiver: string | undefined;
  const visit = (node: TS.Node): void => {
    if (receiver || ts.isFunctionLike(node)) return;
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'query' && ts.isIdentifier(node.expression.expression)) {
      const sql = node.arguments[0];
      if (sql && (ts.isStringLiteral(sql) || ts.isNoSubstitutionTemplateLiteral(sql)) && WRITE_SQL.test(sql.text) && !/outbox/i.test(sql.text)) {
        receiver = node.expression.expression.getText(sf);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(stmt);
  return receiver;
}

function publishCall(expr: TS.Expression): TS.CallExpression | undefined {
  const inner = ts.isAwaitExpression(expr) ? expr.expression : expr;
  return ts.isCallExpression(inner) && ts.isPropertyAccessExpression(inner.expression) ? inner : undefined;
}

function freeIdentifier(code: string, base: string): string {
  for (let i = 0; ; i++) {
    const name = i === 0 ? base : `${base}${i + 1}`;
    if (!new RegExp(`\\b${name}\\b`).test(code)) return name;
  }
}

function prop(obj: TS.ObjectLiteralExpression, name: string): TS.Expression | undefined {
  for (const p of obj.properties) {
    if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === name) return p.initializer;
    if (ts.isShorthandPropertyAssignment(p) && p.name.text === name) return p.name;
  }
  return undefined;
}

/** `JSON.stringify(x)` → `x`: the outbox stores JSON, the relay serializes it again. */
function unwrapJson(expr: TS.Expression, sf: TS.SourceFile): string {
  if (ts.isCallExpression(expr) && expr.expression.getText(sf) === 'JSON.stringify' && expr.arguments.length === 1 && expr.arguments[0]) return expr.arguments[0].getText(sf);
  return expr.getText(sf);
}

function enqueueText(client: string, fields: Record<string, string>, style: CodeStyle): string {
  const body = Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join(', ');
  return `await enqueueOutboxEvent(${client}, { ${body} })${style.semicolons ? ';' : ''}`;
}

/** `producer.send({ topic, messages: [{ key, value }] })` → one outbox row per message. */
function kafkaEnqueue(call: TS.CallExpression, sf: TS.SourceFile, client: string, style: CodeStyle): { text: string; destination?: string } {
  const arg = call.arguments[0];
  if (!arg || !ts.isObjectLiteralExpression(arg)) throw new RewriteRefused('Kafka send without an object literal argument.');
  const topic = prop(arg, 'topic');
  const messages = prop(arg, 'messages');
  if (!topic || !messages) throw new RewriteRefused('Kafka send without topic or messages.');
  const t = topic.getText(sf);
  const q = style.quote;
  if (ts.isArrayLiteralExpression(messages) && messages.elements.every(ts.isObjectLiteralExpression)) {
    const lines = (messages.elements as TS.NodeArray<TS.ObjectLiteralExpression>).map((m) => {
      const key = prop(m, 'key');
      const value = prop(m, 'value');
      return enqueueText(client, { aggregateType: t, aggregateId: key ? key.getText(sf) : `${q}${q}`, eventType: t, payload: value ? unwrapJson(value, sf) : 'null' }, style);
    });
    return { text: lines.join(`${style.eol}`), destination: ts.isStringLiteral(topic) ? topic.text : undefined };
  }
  return {
    text: `for (const message of ${messages.getText(sf)}) ${enqueueText(client, { aggregateType: t, aggregateId: `String(message.key ?? ${q}${q})`, eventType: t, payload: 'message.value' }, style)}`,
    destination: ts.isStringLiteral(topic) ? topic.text : undefined,
  };
}

/** `queue.add(name, data, opts)` → an outbox row the relay turns back into the same job. */
function bullEnqueue(call: TS.CallExpression, sf: TS.SourceFile, client: string, site: PublishSite, style: CodeStyle): { text: string; destination?: string } {
  const [name, data, opts] = call.arguments;
  if (!name || !data) throw new RewriteRefused('BullMQ add without a job name and data.');
  if (!site.channel) throw new RewriteRefused('The BullMQ queue name is not known statically.');
  const q = style.quote;
  const jobId = opts && ts.isObjectLiteralExpression(opts) ? prop(opts, 'jobId') : undefined;
  const idLike = ts.isObjectLiteralExpression(data) ? data.properties.find((p) => p.name && /^(id|\w+Id)$/.test(p.name.getText(sf))) : undefined;
  const idExpr = jobId?.getText(sf) ?? (idLike && ts.isPropertyAssignment(idLike) ? idLike.initializer.getText(sf) : idLike && ts.isShorthandPropertyAssignment(idLike) ? idLike.name.text : undefined);
  return {
    text: enqueueText(client, { aggregateType: `${q}${site.channel}${q}`, aggregateId: idExpr ? `String(${idExpr})` : 'crypto.randomUUID()', eventType: name.getText(sf), payload: data.getText(sf) }, style),
    destination: site.channel,
  };
}
