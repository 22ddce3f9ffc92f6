// Per-file facts: everything the linker needs from one file, computed from that file's text alone.
// Because facts never depend on other files, an incremental run (recompute the changed file's facts, then
// re-link) gives exactly the result of a cold run. Facts hold no AST: they are small and serializable.
import type { Broker, DetectionKind, Role } from '../types';

/**
 * A statically known value, or how to find it in another file. `k` (kind) tags, short because facts are
 * cached and sent between threads in large numbers:
 *   str string literal · tpl concatenation · ref imported binding · regex · param a parameter of the
 *   enclosing function · arr array · obj object literal · fnv function value (returns a channel built from
 *   its parameters) · call a call of such a function · unknown anything else.
 */
export type ValueExpr =
  /** A string literal (also a number or an enum member's literal). */
  | { k: 'str'; v: string }
  /** Concatenation (template literal, `+`); an `unknown` part becomes a `*` wildcard. */
  | { k: 'tpl'; parts: ValueExpr[] }
  /** An imported binding (`spec` as written in the import) followed by a member path. */
  | { k: 'ref'; spec: string; name: string; path: string[] }
  /** A regular expression literal (a Kafka topic pattern). */
  | { k: 'regex'; source: string }
  /** Parameter `i` of the enclosing named function (a wrapper's channel comes from its caller). */
  | { k: 'param'; i: number }
  | { k: 'arr'; items: ValueExpr[] }
  | { k: 'obj'; props: Record<string, ValueExpr> }
  /** A workspace function returning a channel built from its parameters (`(id) => \`poll:${id}:votes\``). */
  | { k: 'fnv'; ret: ValueExpr }
  /** A call of such a function: its result with the arguments in place of the parameters. */
  | { k: 'call'; of: ValueExpr; args: ValueExpr[] }
  | { k: 'unknown' };

/**
 * How a receiver's library type can be computed (a tiny type system over imports and factories), resolved
 * by link/resolve.ts into a `Tag`. `k` (kind) tags:
 *   lib an export of a package (library, alias or workspace package) · imp an export of a relative module ·
 *   global a browser/Node global · new `new X(…)` · call `x(…)` · prop `x.name` · param a callback's
 *   parameter · cls a class of the file · fn a function returning a tag · inst a value declared of a type ·
 *   arg an untyped parameter typed by the callers · at (link time) a tag of another file · deco a
 *   Fastify-decorated member.
 */
export type TagExpr =
  /** Export `name` (`default`, `*` for the namespace) of package `mod`. */
  | { k: 'lib'; mod: string; name: string }
  /** Export `name` (`default`, `*`) of the relative module `spec`. */
  | { k: 'imp'; spec: string; name: string }
  /** A global constructor or function (`WebSocket`, `EventSource`, `fetch`). */
  | { k: 'global'; name: string }
  /** An instance `new of(arg0, …)`; `hasAdapter`: a socket.io server created with an adapter option. */
  | { k: 'new'; of: TagExpr; arg0: ValueExpr | null; hasAdapter?: boolean }
  /** The result of calling `of` (a factory, a method: `kafka.producer()`); `arg0` names queues and groups. */
  | { k: 'call'; of: TagExpr; arg0: ValueExpr | null }
  /** Member `name` of `of`. */
  | { k: 'prop'; of: TagExpr; name: string }
  /** Parameter `i` of a callback passed to `of.m(ev, cb)` (or `iter` for `for await … of`). */
  | { k: 'param'; of: TagExpr; m: string; ev: string | null; i: number }
  /** A class declared in a file; its instances take the tag of `base` (e.g. `extends EventEmitter`).
   *  `ctor`: its constructor's function index, when `new C(x)` can hand the constructor a receiver. */
  | { k: 'cls'; base: TagExpr | null; members?: Record<string, TagExpr>; methods?: Record<string, number>; returnsThis?: string[]; instanceGetters?: string[]; ctor?: number }
  /** A function of the workspace whose calls return `ret` (`async function nats() { …; return nc }`). */
  | { k: 'fn'; ret: TagExpr }
  /** A value whose declared type is `of` (annotation, NestJS injection); `name` from `@InjectQueue('x')`. */
  | { k: 'inst'; of: TagExpr; name: ValueExpr | null }
  /** Untyped parameter `i` of function `fn` of this file: what callers pass types it (link/argSites.ts). */
  | { k: 'arg'; fn: number; i: number }
  /** Link time only: `of` resolved in another file (a caller's argument). */
  | { k: 'at'; file: string; of: TagExpr }
  /** A member of an untyped server instance that a plugin decorated (`app.redis` after
   *  `fastify.decorate('redis', client)`), resolved through the workspace's decorations. */
  | { k: 'deco'; name: string };

export interface Pos {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A call/new/decorator whose meaning depends on what its receiver or callee is bound to. */
export interface Site {
  kind: 'call' | 'new' | 'decorator';
  /** Receiver of `recv.method(...)`. */
  recv: TagExpr | null;
  /** Callee of a plain call, constructor of `new`, decorator factory. */
  callee: TagExpr | null;
  method: string | null;
  args: ValueExpr[];
  pos: Pos;
  fn: number;
  /** Branch path inside the function (for dual-write path exclusivity). */
  path: string[];
  snippet: string;
  /** Decorators: the decorated class name and method name (null on the class itself). */
  className?: string | null;
  memberName?: string | null;
  /** Class-level decorator args of the enclosing class (e.g. `@Processor('q')` for `@Process`). */
  classDecorators?: { callee: TagExpr | null; args: ValueExpr[] }[];
  /** `new Server(..., { adapter })`: where the adapter option is. */
  adapterPos?: Pos;
}

/** A detection that needs no cross-file knowledge except channel values. */
export interface LocalDetection {
  kind: DetectionKind;
  library: string;
  broker: Broker;
  role: Role;
  channel: ValueExpr | null;
  pos: Pos;
  fn: number;
  path: string[];
  snippet: string;
}

export interface FnInfo {
  name: string | null;
  /** Branch paths of persistent-state writes inside this function. */
  writes: string[][];
  /** The function mentions an outbox (so its publishes are not dual writes, unless they bypass it). */
  outbox: boolean;
  /** The function inserts an outbox row (a publish to a fixed channel beside it bypasses the outbox). */
  outboxWrite?: true;
}

export interface ExportEntry {
  tag?: TagExpr;
  value?: ValueExpr;
  /** The exported binding is a function of this file (index into `fns`). */
  fn?: number;
}

/** A call of a workspace function (a possible wrapper of a publish/subscribe). */
export interface WrapperCall {
  /** A function of this file (index into `fns`), or an imported one. */
  callee: { fn: number } | { spec: string; name: string };
  args: ValueExpr[];
  /** Receivers passed as arguments (`attachStatus(uploader)`), by position; absent when none is bound. */
  argTags?: (TagExpr | null)[];
  /** Not a call: the function is registered as a handler (`io.on('connection', onConnection)`), and
   *  `argTags` are what the library passes it. Types its parameters; no wrapper call at this site. */
  handlerRef?: true;
  pos: Pos;
  fn: number;
  path: string[];
  snippet: string;
}

/** A method call on a workspace object or class instance (`bus.publishUpdate(id, data)`, `this.events.publish(…)`). */
export interface MethodCall {
  recv: TagExpr;
  method: string;
  args: ValueExpr[];
  pos: Pos;
  fn: number;
  path: string[];
  snippet: string;
}

export interface FileFacts {
  /** Relative import specifiers (for dependency tracking). */
  imports: string[];
  exports: Record<string, ExportEntry>;
  starExports: string[];
  sites: Site[];
  locals: LocalDetection[];
  fns: FnInfo[];
  /** NestJS microservice transports named in this file (`Transport.KAFKA` → `KAFKA`). */
  transports: string[];
  calls: WrapperCall[];
  /** Calls of methods of workspace classes and object literals (possible wrappers). */
  methodCalls: MethodCall[];
  /** `x.decorate('name', value)` (Fastify): what plugins hang on the server instance for other files. */
  decorations: { name: string; tag: TagExpr }[];
  /**
   * Specifiers of workspace modules whose functions this file calls with a library-bound argument
   * (`apiKeyHandlers(socket)` in a connection handler): those modules' untyped parameters are receivers
   * known through this caller, so they are analyzed even though they import no library themselves.
   */
  handsReceiversTo: string[];
  /** Set when the file was parsed only partly (deep nesting) or had syntax errors. */
  note?: string;
}

export function emptyFacts(): FileFacts {
  return { imports: [], exports: {}, starExports: [], sites: [], locals: [], fns: [], transports: [], calls: [], methodCalls: [], decorations: [], handsReceiversTo: [] };
}
