// Entry of per-file extraction: code files are parsed with TypeScript (no type checker), SQL and Prisma
// files are scanned as text. A stack overflow on pathological nesting becomes a clean `too-deep` skip.
import type ts from 'typescript';
import { typescript } from '../runtime/typescriptLoader';
import path from 'node:path';
import type { FileFacts } from './facts';
import { emptyFacts } from './facts';
import { walkFile } from './walker';
import { prismaFacts, sqlFacts } from './schemaText';
import type { FileKind } from '../discovery/walk';
import type { SourceFileCache } from './sourceCache';
import { isSfcFile, sfcScriptView } from './sfc';
import { BudgetExceeded, endWork, startWork } from './workBudget';

export interface ExtractOutcome {
  facts: FileFacts | null;
  failure?: { reason: 'too-deep' | 'parse-error' | 'budget'; detail: string };
}

function scriptKind(file: string): ts.ScriptKind {
  const ts = typescript();
  // A component's script view is TypeScript (plain `<script>` JS parses as TS too); TSX is chosen by the
  // caller from the block's `lang`.
  switch (path.extname(file).toLowerCase()) {
    case '.tsx':
      return ts.ScriptKind.TSX;
    case '.jsx':
      return ts.ScriptKind.JSX;
    case '.js':
    case '.mjs':
    case '.cjs':
      return ts.ScriptKind.JS;
    default:
      return ts.ScriptKind.TS;
  }
}

/** `trees`: when given, the file's tree is kept there and re-parsed incrementally on the next call. */
export function extractFacts(file: string, kind: FileKind, text: string, trees?: SourceFileCache): ExtractOutcome {
  if (kind === 'sql') return { facts: sqlFacts(text) };
  if (kind === 'prisma') return { facts: prismaFacts(text) };
  if (kind !== 'code') return { facts: emptyFacts() };
  const ts = typescript();
  let kindOfScript = scriptKind(file);
  if (isSfcFile(file)) {
    // Parse only the `<script>` blocks, at their original positions (see sfc.ts).
    const view = sfcScriptView(text);
    text = view.text;
    kindOfScript = view.tsx ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  }
  try {
    const create = (): ts.SourceFile =>
      ts.createSourceFile(file, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, kindOfScript);
    const sf = trees ? trees.parse(ts, file, text, create) : create();
    startWork(text.length);
    return { facts: walkFile(ts, sf, text, file) };
  } catch (e) {
    // A tree that failed to parse or walk is not a safe base for the next incremental parse.
    trees?.forget(file);
    if (e instanceof BudgetExceeded) return { facts: null, failure: { reason: 'budget', detail: e.message } };
    if (e instanceof RangeError) return { facts: null, failure: { reason: 'too-deep', detail: 'nesting too deep to parse (stack overflow avoided)' } };
    return { facts: null, failure: { reason: 'parse-error', detail: (e as Error).message.slice(0, 200) } };
  } finally {
    endWork();
  }
}
