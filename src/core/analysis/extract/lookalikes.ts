// Code that looks like a construct and is not one, as real repositories show it: an SSE content type that
// a test asserts, a `data:` line that a proxy writes (its fetch reads NDJSON), outbox rows read for a report.
import type { Scope } from './scope';

/** Assertion calls and matchers (Jest/Vitest `expect(…).toBe`, supertest `.expect(…)`, node:assert, chai). */
const ASSERT_CALLS = new Set(['expect', 'assert', 'should']);
const ASSERT_METHODS = new Set([
  'expect', 'toBe', 'toEqual', 'toStrictEqual', 'toMatchObject', 'toHaveProperty', 'toContain', 'toMatch', 'toHaveBeenCalledWith',
  'equal', 'equals', 'strictEqual', 'deepEqual', 'deepStrictEqual', 'include', 'includes', 'eql', 'match', 'ok',
]);

/** Is the node inside an assertion (`expect(res.headers['content-type']).toBe('text/event-stream')`)? */
export function inAssertion(scope: Scope): boolean {
  const t = scope.ts;
  for (let i = scope.stack.length - 2; i >= 0; i--) {
    const n = scope.stack[i];
    if (!n || t.isFunctionLike(n) || t.isBlock(n) || t.isSourceFile(n)) return false;
    if (!t.isCallExpression(n)) continue;
    const callee = n.expression;
    if (t.isIdentifier(callee) && ASSERT_CALLS.has(callee.text)) return true;
    if (t.isPropertyAccessExpression(callee)) {
      if (ASSERT_METHODS.has(callee.name.text)) return true;
      // `assert.equal(…)`, `expect.objectContaining(…)`.
      if (t.isIdentifier(callee.expression) && ASSERT_CALLS.has(callee.expression.text)) return true;
    }
  }
  return false;
}

const DATA_LITERAL = /['"`]data:/g;
/** Right before a `data:` literal that a reader tests or strips (`line.startsWith('data:')`, `slice(`…). */
const PARSE_BEFORE = /(?:startsWith|indexOf|lastIndexOf|includes|slice|substring|substr|replace|replaceAll|match|split|test|trimStart)\s*\(\s*$|[=!]==?\s*$|\bcase\s+$/;
/** A bare `'data:'` / `'data: '` literal (a prefix constant), not a line being written (`\`data: ${x}\n\n\``). */
const BARE_PREFIX = /^['"`]data: ?['"`]/;
const WRITE_BEFORE = /(?:write|enqueue|send|push|emit|end)\s*\(\s*$/;

/**
 * Does a fetch reader's function parse `data:` lines (an SSE client)? A proxy that reads NDJSON from its
 * upstream and writes `data: …` lines to its own client mentions `data:` only where it writes.
 */
export function parsesDataLines(body: string): boolean {
  for (const m of body.matchAll(DATA_LITERAL)) {
    const at = m.index ?? 0;
    const lead = body.slice(Math.max(0, body.lastIndexOf('\n', at - 1) + 1, at - 120), at);
    if (PARSE_BEFORE.test(lead)) return true;
    if (BARE_PREFIX.test(body.slice(at, at + 9)) && !WRITE_BEFORE.test(lead)) return true;
  }
  return false;
}

/** What a relay does with the rows it read: a call that hands them to a broker, a handler or a dispatcher. */
const HANDS_ON = /(?:publish|send|emit|dispatch|produce|deliver|relay|forward|enqueue|process|notify)\w*\s*(?:<[^>()]*>\s*)?\(|handler|\.add\s*\(|xadd/i;
/** An HTTP response's methods (`res.send(rows)`): an admin listing answers a request, it relays nothing. */
const RESPONSE_CALL = /\b(?:res|reply|response|ctx)\s*\.\s*\w+\s*\(/g;

/** Selecting the rows still to send (`published_at IS NULL`, `sent: false`, `FOR UPDATE SKIP LOCKED`): a relay's
 *  read even when another function publishes them. */
const PENDING_ROWS = /\b\w*(?:publish|sent|process|dispatch|deliver|relay)\w*["'`]?\s*(?:IS\s+NULL|=\s*(?:false|0)\b|:\s*(?:null|false)\b)|SKIP\s+LOCKED/i;

/** A report reads the pending rows too, but returns a summary it built (`return { count: rows.length }`),
 *  never the rows: every `return` of the function is an object literal. */
function returnsSummaryOnly(fnText: string): boolean {
  const returns = [...fnText.matchAll(/\breturn\b\s*(\S)?/g)];
  return returns.length > 0 && returns.every((m) => m[1] === '{');
}

/** Does the function's text hand rows on, or pick the pending ones for a caller? (`'processed'` as a status
 *  value, `res.send(rows)` or a backlog report do not.) */
export function handsRowsOn(fnText: string): boolean {
  return HANDS_ON.test(fnText.replace(RESPONSE_CALL, ' ')) || (PENDING_ROWS.test(fnText) && !returnsSummaryOnly(fnText));
}
