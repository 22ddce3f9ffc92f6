// Small TypeScript-AST helpers the in-place fixes share.
import type TS from 'typescript';
import { ts } from '../analysis/runtime/lazyTypescript';

export function parse(fileName: string, text: string): TS.SourceFile {
  return ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, /\.[jt]sx$/.test(fileName) ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

/** The innermost function with a body around `offset`. */
export function functionAt(sf: TS.SourceFile, offset: number): TS.FunctionLikeDeclaration | undefined {
  let found: TS.FunctionLikeDeclaration | undefined;
  const visit = (node: TS.Node): void => {
    if (offset < node.getStart(sf) || offset >= node.getEnd()) return;
    if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.body) found = node;
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** The innermost node of `kind` test around `offset`. */
export function innermost<T extends TS.Node>(sf: TS.SourceFile, offset: number, test: (n: TS.Node) => n is T): T | undefined {
  let found: T | undefined;
  const visit = (node: TS.Node): void => {
    if (offset < node.getStart(sf) || offset >= node.getEnd()) return;
    if (test(node)) found = node;
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** Leading whitespace of the line holding `offset`. */
export function lineIndent(text: string, offset: number): string {
  return /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', offset - 1) + 1))?.[0] ?? '';
}

export function identifierTaken(sf: TS.SourceFile, name: string): boolean {
  let taken = false;
  const visit = (node: TS.Node): void => {
    if (taken) return;
    if (ts.isIdentifier(node) && node.text === name) taken = true;
    else ts.forEachChild(node, visit);
  };
  visit(sf);
  return taken;
}

export function freeName(sf: TS.SourceFile, base: string): string {
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : `${base}${i}`;
    if (!identifierTaken(sf, name)) return name;
  }
}
