// The module object of a CommonJS file used as a namespace of its own: `const Sockets = module.exports;
// Sockets.server = io; Sockets.in = function (room) { return Sockets.server.in(room) }`. The alias stands for
// the file's own exports (an import of the file by itself), so `Sockets.server` inside the file and
// `require('./sockets').in(room)` in others resolve through the members assigned on it.
import type ts from 'typescript';
import type { TagExpr } from './facts';
import type { Scope } from './scope';

/** `./<this file's name>`: a relative specifier the linker resolves back to the file itself. */
function selfSpec(scope: Scope): string {
  const slash = Math.max(scope.file.lastIndexOf('/'), scope.file.lastIndexOf('\\'));
  return `./${scope.file.slice(slash + 1)}`;
}

/** The tag of an initializer that is the module object (`module.exports`, `exports`), else null. */
export function moduleObjectTag(scope: Scope, init: ts.Expression | undefined): TagExpr | null {
  if (!init) return null;
  const t = scope.ts;
  const isModuleExports = t.isPropertyAccessExpression(init) && t.isIdentifier(init.expression) && init.expression.text === 'module' && init.name.text === 'exports';
  const isExports = t.isIdentifier(init) && init.text === 'exports' && !scope.bindings.has('exports');
  return isModuleExports || isExports ? { k: 'imp', spec: selfSpec(scope), name: '*' } : null;
}

/** Is `name` bound to the module object (see moduleObjectTag)? */
export function isModuleObjectAlias(scope: Scope, name: string): boolean {
  const tag = scope.bindings.get(name)?.tag;
  return tag?.k === 'imp' && tag.name === '*' && tag.spec === selfSpec(scope);
}
