// Outbox tables declared outside code: SQL migrations (`CREATE`/`ALTER TABLE … outbox…`) and Prisma schemas
// (`model Outbox… {` or a model mapped with `@@map("…outbox…")`). One detection per table per file.
import type { FileFacts, Pos } from './facts';
import { emptyFacts } from './facts';

const DDL = /\b(?:CREATE|ALTER)\s+TABLE\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+)?(?:ONLY\s+)?[`"[]?(?:\w+[`"\]]?\.[`"[]?)?(\w*outbox\w*)/gi;
const MODEL = /^[ \t]*model[ \t]+(\w+)[ \t]*\{/gm;

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function posAt(starts: number[], offset: number, length: number): Pos {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  const col = offset - (starts[lo] ?? 0) + 1;
  return { line: lo + 1, column: col, endLine: lo + 1, endColumn: col + length };
}

/** Strip SQL comments but keep offsets (replace with spaces). */
function blankComments(text: string): string {
  return text.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '));
}

export function sqlFacts(text: string): FileFacts {
  const facts = emptyFacts();
  const clean = blankComments(text);
  const starts = lineStarts(text);
  const tables = new Set<string>();
  for (const m of clean.matchAll(DDL)) {
    const table = (m[1] ?? '').toLowerCase();
    if (tables.has(table)) continue;
    tables.add(table);
    facts.locals.push({ kind: 'outbox.table', library: 'sql', broker: 'outbox', role: 'infra', channel: null, pos: posAt(starts, m.index ?? 0, m[0].length), fn: -1, path: [], snippet: m[0].replace(/\s+/g, ' ').slice(0, 100) });
  }
  return facts;
}

export function prismaFacts(text: string): FileFacts {
  const facts = emptyFacts();
  const clean = text.replace(/\/\/[^\n]*/g, (m) => ' '.repeat(m.length));
  const starts = lineStarts(text);
  for (const m of clean.matchAll(MODEL)) {
    const name = m[1] ?? '';
    const bodyStart = (m.index ?? 0) + m[0].length;
    const bodyEnd = clean.indexOf('\n}', bodyStart);
    const body = clean.slice(bodyStart, bodyEnd < 0 ? clean.length : bodyEnd);
    const mapped = /@@map\(\s*(?:name:\s*)?"([^"]*)"/.exec(body)?.[1] ?? '';
    if (!/outbox/i.test(name) && !/outbox/i.test(mapped)) continue;
    const off = (m.index ?? 0) + (m[0].length - m[0].trimStart().length);
    facts.locals.push({ kind: 'outbox.table', library: 'prisma', broker: 'outbox', role: 'infra', channel: null, pos: posAt(starts, off, m[0].trim().length), fn: -1, path: [], snippet: m[0].trim() });
  }
  return facts;
}
