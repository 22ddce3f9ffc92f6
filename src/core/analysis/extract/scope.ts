// The extractor's state while walking one file: name bindings (what each identifier is bound to), the
// enclosing function and branch path, and the facts being built.
import type ts from 'typescript';
import type { FileFacts, TagExpr, ValueExpr, Pos } from './facts';

export interface Binding {
  tag?: TagExpr | null;
  value?: ValueExpr | null;
  /** Initializer kept for same-file lookups (mutation options, onMutate handlers). */
  init?: ts.Node;
  /** The binding is a function of this file (index into `facts.fns`). */
  fn?: number;
  /** An untyped parameter of this function (index into `facts.fns`) of a possible wrapper. */
  paramOf?: number;
}

/** Name bindings; `version` changes whenever a binding that can matter (tagged, a function) is set. */
export class BindingMap extends Map<string, Binding> {
  version = 0;
  /** How many `this.x` bindings have a tag (kept so the walker need not scan every binding for them). */
  taggedThisMembers = 0;

  override set(key: string, value: Binding): this {
    if (value.tag || value.fn !== undefined) this.version++;
    if (key.startsWith('this.')) {
      if (super.get(key)?.tag) this.taggedThisMembers--;
      if (value.tag) this.taggedThisMembers++;
    }
    return super.set(key, value);
  }

  override delete(key: string): boolean {
    if (key.startsWith('this.') && super.get(key)?.tag) this.taggedThisMembers--;
    return super.delete(key);
  }

  override clear(): void {
    this.taggedThisMembers = 0;
    super.clear();
  }
}

export interface ClassScope {
  name: string | null;
  decorators: { callee: TagExpr | null; args: ValueExpr[]; name: string }[];
  /** Methods by name → function index, shared with the class's tag (instances' wrapper methods). */
  methods: Record<string, number>;
  /** The class's tag (methods returning `this` are recorded on it). */
  tag: TagExpr;
}

/*
 * The walker's state, split by concern (each part names the code that mainly maintains it); `Scope` is
 * their union, passed as one object because every handler reads several of them.
 */

/** The file being walked (read-only during the walk). */
export interface SourceScope {
  ts: typeof ts;
  sf: ts.SourceFile;
  text: string;
  /** Absolute path (used for Next.js route paths). */
  file: string;
  /** The facts being built (the walk's output). */
  facts: FileFacts;
}

/** The traversal machinery (walker.ts). */
export interface TraversalScope {
  /** The walker's visit (so classes/functions/calls can recurse without importing it). */
  visit: (node: ts.Node, depth: number) => void;
  /** Ancestors of the node being visited (the walker does not set parent pointers). */
  stack: ts.Node[];
  /** Set when a subtree was too deep to walk (the facts get a note). */
  tooDeep: boolean;
  /** `forEachChild` callbacks by child depth, made once per depth instead of once per visited node. */
  childVisitors: ((node: ts.Node) => void)[];
  /** Node kind → what the walker does with it (a `NodeAction`, see walker.ts). */
  handlers: Uint8Array;
}

/** What names are bound to (imports, declarations, parameters, `this.x`), with function-level shadowing. */
export interface NamesScope {
  bindings: BindingMap;
  /** Every library module imported by the file (`kafkajs`, `@tanstack/react-query`…). */
  libs: Set<string>;
  /**
   * One frame per enclosing function: the bindings its parameters and local declarations shadowed, put back
   * when the function ends (a callback's `(socket) => socket.id` must not rebind the outer `socket`).
   */
  locals: Map<string, Binding | undefined>[];
  /** Top-level function declarations by name (hoisted: callable and registrable before their text). */
  hoisted: Map<string, ts.FunctionDeclaration> | null;
  /** Regex of the names that can matter, built for `bindings.version` (functions.ts skips bodies with it). */
  namesRe: { version: number; re: RegExp | null } | null;
}

/** The enclosing function and what is known about functions of the file (functions.ts, calls.ts). */
export interface FunctionsScope {
  /** Index into `facts.fns` of the enclosing function (-1: module level). */
  fn: number;
  /** Branch path inside the enclosing function (for dual-write path exclusivity). */
  path: string[];
  /** Callback functions whose parameters get a tag from the call they are passed to. */
  pendingParams: Map<ts.Node, TagExpr[]>;
  /** Callbacks that are event/message/route handlers: they run on their own, not as part of the caller. */
  handlerFns: Set<ts.Node>;
  /** Per enclosing function-like: the tag of its first `return` whose value is bound to something. */
  returns: (TagExpr | null)[];
  /** Function-like nodes → their return tag (for `const getClient = () => client`). */
  fnReturns: Map<ts.Node, TagExpr>;
  /** Function-like nodes → the channel-like value they return (`(id) => \`deploy:${id}:log\``). */
  fnValues: Map<ts.Node, ValueExpr>;
  /** Function-like nodes → their index in `facts.fns` (named functions only). */
  fnIndex: Map<ts.Node, number>;
  /** Calls of hoisted functions made before their declaration: their index is filled in after the walk. */
  lateCalls: { call: import('./facts').WrapperCall; name: string }[];
}

/** Enclosing classes, innermost last (classes.ts). */
export interface ClassesScope {
  classes: ClassScope[];
}

/** Whole-file text checks that let code skip work (localRules.ts, functions.ts, tags.ts), and the rules' per-file memory. */
export interface RulesScope {
  /** Whole-file text checks that let rules skip work (most files mention neither). */
  mentionsOutbox: boolean;
  mentionsSse: boolean;
  /** Fastify code: an untyped `app.member` may be a decorated client (see TagExpr `deco`). */
  mentionsFastify: boolean;
  /** Outbox tables already counted in this file (a migration's `down` does not count again). */
  outboxTables: Set<string>;
}

export interface Scope extends SourceScope, TraversalScope, NamesScope, FunctionsScope, ClassesScope, RulesScope {}

/** A top-level function declaration named `name`, found even where the walk has not reached it yet. */
export function hoistedFunction(scope: Scope, name: string): ts.FunctionDeclaration | null {
  if (!scope.hoisted) {
    scope.hoisted = new Map();
    for (const st of scope.sf.statements) {
      if (scope.ts.isFunctionDeclaration(st) && st.name && st.body && !scope.hoisted.has(st.name.text)) scope.hoisted.set(st.name.text, st);
    }
  }
  return scope.hoisted.get(name) ?? null;
}

/** Binds a parameter or local declaration, remembering what it shadows in the enclosing function's frame. */
export function bindLocal(scope: Scope, name: string, binding: Binding): void {
  const frame = scope.locals[scope.locals.length - 1];
  if (frame && !frame.has(name)) frame.set(name, scope.bindings.get(name));
  scope.bindings.set(name, binding);
}

/** Ends a function's frame: its parameters and locals go out of scope. */
export function restoreLocals(scope: Scope): void {
  const frame = scope.locals.pop();
  if (!frame) return;
  for (const [name, previous] of frame) {
    if (previous === undefined) scope.bindings.delete(name);
    else scope.bindings.set(name, previous);
  }
}

export function posOf(scope: Scope, node: ts.Node, tokenNode?: ts.Node): Pos {
  const startNode = tokenNode ?? node;
  const start = scope.sf.getLineAndCharacterOfPosition(startNode.getStart(scope.sf));
  const end = scope.sf.getLineAndCharacterOfPosition(node.getEnd());
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

export function posAt(scope: Scope, offset: number, endOffset: number): Pos {
  const start = scope.sf.getLineAndCharacterOfPosition(offset);
  const end = scope.sf.getLineAndCharacterOfPosition(endOffset);
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

/** First line of the node's text, trimmed to a readable length. */
/** Whitespace that collapsing changes: a run of two, or any but a plain space. */
const COLLAPSIBLE = /\s\s|[^\S ]/;

export function snippetOf(scope: Scope, node: ts.Node): string {
  // The first line of the node's text (at most 200 characters), whitespace runs collapsed. Runs for every
  // site of a file, so the line is cut without splitting and collapsed only when it has something to collapse.
  const start = node.getStart(scope.sf);
  const end = Math.min(node.getEnd(), start + 200);
  const newline = scope.text.indexOf('\n', start);
  const first = scope.text.slice(start, newline >= 0 && newline < end ? newline : end);
  const collapsed = COLLAPSIBLE.test(first) ? first.replace(/\s+/g, ' ').trim() : first.trim();
  return collapsed.length > 100 ? `${collapsed.slice(0, 97)}...` : collapsed;
}

export function isExported(scope: Scope, node: ts.Node): boolean {
  const t = scope.ts;
  if (!t.canHaveModifiers(node)) return false;
  // The raw list (decorators included) instead of `getModifiers`, which allocates a filtered copy: this
  // runs for every variable declaration, and only the `export` keyword is looked for.
  const mods = node.modifiers;
  if (!mods) return false;
  const exportKw = t.SyntaxKind.ExportKeyword;
  for (let i = 0; i < mods.length; i++) if (mods[i]?.kind === exportKw) return true;
  return false;
}
