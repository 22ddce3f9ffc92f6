// Channels reaching a client through a loop variable: `for (const topic of TOPICS) consumer.subscribe({ topic })`.
// The variable stands for each element of a list known from the code, so a channel that is the variable
// itself gives one detection per element (as `subscribe({ topics: TOPICS })` does).
import type ts from 'typescript';
import type { Scope } from './scope';
import { bindLocal } from './scope';
import { evalValue } from './values';

export function bindLoopValue(scope: Scope, init: ts.VariableDeclarationList, iterated: ts.Expression): void {
  const d = init.declarations[0];
  if (!d || !scope.ts.isIdentifier(d.name)) return;
  const list = evalValue(scope, iterated);
  // A literal list, or a constant of another module resolved by the linker (`import { TOPICS }`): only a
  // list of strings becomes channels there; anything else resolves to no channel, as before.
  if (list.k === 'arr' || list.k === 'ref') bindLocal(scope, d.name.text, { tag: null, value: list });
}
