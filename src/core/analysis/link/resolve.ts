// Resolves TagExprs (what a receiver is) and ValueExprs (channel values) across files of the workspace,
// following imports, re-exports and `export *`, with memoization per link run and cycle guards.
import type { FileFacts, TagExpr, ValueExpr } from '../extract/facts';
import { EXPORTS, METHOD_RESULTS, MODULE_CALLBACKS, PARAM_RESULTS, PROP_RESULTS, canonicalModule } from './libraryTables';
import { MARKER_CHAR, PARAM_MARKER, fillParams, paramMarker } from './channelText';
import { capText, VALUE_STEP_BUDGET } from './valueSteps';

/** A resolved receiver: `t` per libraryTables, the npm module it came from, and a queue/group name. */
export interface Tag {
  t: string;
  lib: string;
  name?: RValue | null;
  /** Local class: the resolved base class tag. */
  base?: Tag | null;
  /** Relative module namespace (`import * as x from './x'`); file of a local class. */
  file?: string;
  /** Fields of a local class (instances of `local`). */
  members?: Record<string, TagExpr>;
  /** Methods of a workspace class or object literal (function indices in `file`): possible wrappers. */
  methods?: Record<string, number>;
  /** Methods of a workspace class that return the instance itself. */
  returnsThis?: string[];
  /** Static methods of a workspace class that return an instance of it (`getInstance()`). */
  instanceGetters?: string[];
}

export type RValue =
  | { k: 'str'; v: string; pattern: boolean }
  | { k: 'regex'; source: string }
  | { k: 'arr'; items: RValue[] }
  | { k: 'obj'; props: Record<string, RValue> }
  /** A function whose calls return `ret` (a channel with parameter markers). */
  | { k: 'fn'; ret: RValue }
  | { k: 'unknown' };

export interface WorkspaceView {
  facts(file: string): FileFacts | null;
  /** Like `facts`, but null for files that cannot export library-bound values (saves parsing them). */
  tagFacts(file: string): FileFacts | null;
  resolveModule(fromFile: string, spec: string): string | null;
  /** The package a relative specifier names when it points at a package's folder (`require('../')` in
   *  the package's own examples), by its package.json `name`; null otherwise. */
  packageAt?(fromFile: string, spec: string): string | null;
  /** Where a server instance member was decorated (`fastify.decorate(name, value)`), seen from `fromFile`:
   *  the file and the value's tag; null when no plugin of the workspace decorates that name. */
  decoration?(fromFile: string, name: string): { file: string; tag: TagExpr } | null;
}

const UNKNOWN: RValue = { k: 'unknown' };
const COLLECTION_GETTERS = new Set(['get', 'at', 'find', 'values']);
const MAX_DEPTH = 24;

export class Resolver {
  private readonly exportTagMemo = new Map<string, Tag | null>();
  /** > 0 while resolving receiver arguments (see argValue). */
  private noCalls = 0;
  /** Steps of the current `value()` resolution (see valueSteps.ts). */
  private steps = 0;
  /** Set when a resolution ran out of steps; the engine reads and clears it per file. */
  overran = false;

  constructor(readonly ws: WorkspaceView) {}

  tag(file: string, e: TagExpr | null, depth = 0): Tag | null {
    if (!e || depth > MAX_DEPTH) return null;
    switch (e.k) {
      case 'lib': {
        const known = libExport(e.mod, e.name, true);
        if (known) return known;
        // A library the analyzer knows stays that library, even in a workspace with a package of the same
        // name (its own repository, where the examples `require('amqplib')`).
        if (isKnownLibrary(e.mod)) return libExport(e.mod, e.name);
        // A bare specifier that is the workspace's own (`@/lib/redis`, `~/utils/bus`, `$lib/server/db`).
        const target = this.ws.resolveModule(file, e.mod);
        if (target) return e.name === '*' ? { t: 'relns', lib: '', file: target } : this.exportTag(target, e.name, depth + 1);
        return libExport(e.mod, e.name);
      }
      case 'global':
        return libExport('global', e.name);
      case 'imp': {
        // A library's own examples import it by folder: they use the library, not its internals.
        const own = this.ws.packageAt?.(file, e.spec);
        if (own && isKnownLibrary(own)) return libExport(own, e.name);
        const target = this.ws.resolveModule(file, e.spec);
        if (!target) return null;
        if (e.name === '*') return { t: 'relns', lib: '', file: target };
        return this.exportTag(target, e.name, depth + 1);
      }
      case 'fn': {
        const ret = this.tag(file, e.ret, depth + 1);
        return ret ? { t: 'fnret', lib: '', base: ret } : null;
      }
      case 'cls': {
        const tag: Tag = { t: 'cls', lib: '', base: this.tag(file, e.base, depth + 1), file };
        if (e.members) tag.members = e.members;
        if (e.methods && hasKeys(e.methods)) tag.methods = e.methods;
        if (e.returnsThis) tag.returnsThis = e.returnsThis;
        if (e.instanceGetters) tag.instanceGetters = e.instanceGetters;
        return tag;
      }
      case 'prop': {
        // `const { videoQueue } = require('./queues')`: a property of `module.exports` is a named export.
        if (e.of.k === 'imp' && e.of.name === 'default') {
          const target = this.ws.resolveModule(file, e.of.spec);
          const named = target ? this.exportTag(target, e.name, depth + 1) : null;
          if (named) return named;
        }
        const base = this.tag(file, e.of, depth + 1);
        if (!base) return null;
        if (base.t === 'mod' || base.t.startsWith('ctor:') || base.t.startsWith('fn:')) return libExport(base.lib, e.name, true);
        if (base.t === 'relns' && base.file) return this.exportTag(base.file, e.name, depth + 1);
        if (base.t === 'local' && base.file) {
          const m = base.members?.[e.name];
          return m ? this.tag(base.file, m, depth + 1) : null;
        }
        const r = PROP_RESULTS[`${base.t}.${e.name}`];
        return r ? { t: r, lib: base.lib, name: base.name ?? null } : null;
      }
      case 'call': {
        if (e.of.k === 'prop') {
          // `require('./amqp').getChannel()`: a function exported through `module.exports = { … }`.
          if (e.of.of.k === 'imp' && e.of.of.name === 'default') {
            const named = this.tag(file, e.of, depth + 1);
            if (named) return callResult(named, this.argValue(file, e.arg0));
          }
          const recv = this.tag(file, e.of.of, depth + 1);
          if (!recv) return null;
          if (recv.returnsThis?.includes(e.of.name)) return recv;
          if (recv.t === 'cls' && recv.instanceGetters?.includes(e.of.name)) return instanceOf(recv, null);
          if (recv.t === 'relns' && recv.file) return callResult(this.exportTag(recv.file, e.of.name, depth + 1), this.argValue(file, e.arg0));
          if (recv.t === 'mod' || recv.t.startsWith('ctor:') || recv.t.startsWith('fn:')) return callResult(libExport(recv.lib, e.of.name, true), this.argValue(file, e.arg0));
          if (recv.t.startsWith('coll:')) {
            if (e.of.name === 'values') return recv;
            return COLLECTION_GETTERS.has(e.of.name) ? { t: recv.t.slice(5), lib: recv.lib, name: recv.name ?? null } : null;
          }
          const r = METHOD_RESULTS[`${recv.t}.${e.of.name}`] ?? (recv.t === 'redis.client' ? 'same' : undefined);
          if (!r) return null;
          if (r === 'same') return recv;
          const name = r === 'nats.group' ? this.argValue(file, e.arg0) : recv.name ?? null;
          return { t: r, lib: recv.lib, name };
        }
        return callResult(this.tag(file, e.of, depth + 1), this.argValue(file, e.arg0));
      }
      case 'at':
        return this.tag(e.file, e.of, depth + 1);
      case 'deco': {
        const d = this.ws.decoration?.(file, e.name);
        return d ? this.tag(d.file, d.tag, depth + 1) : null;
      }
      case 'new':
      case 'inst': {
        const ctor = this.tag(file, e.of, depth + 1);
        const name = e.k === 'new' ? this.argValue(file, e.arg0) : e.name ? this.argValue(file, e.name) : null;
        return instanceOf(ctor, name);
      }
      case 'param': {
        const owner = this.tag(file, e.of, depth + 1);
        if (!owner) return null;
        if (e.m.startsWith('then#')) return owner;
        if (e.m === 'coll') return { t: `coll:${owner.t}`, lib: owner.lib, name: owner.name ?? null };
        // Iterating a collection (`for…of`, `forEach`; Map entries destructured) yields its elements.
        if (owner.t.startsWith('coll:') && (e.m === 'iter' || e.m === 'forEach#0')) return { t: owner.t.slice(5), lib: owner.lib, name: owner.name ?? null };
        const key = (ev: string): string => `${owner.t}|${e.m}|${ev}|${e.i}`;
        const r = PARAM_RESULTS[key(e.ev ?? '*')] ?? PARAM_RESULTS[key('*')];
        if (r) return { t: r, lib: owner.lib };
        // Module functions with Node-style callbacks (`amqp.connect(url, (err, conn) => …)`).
        const fnName = e.m.split('#')[0] ?? '';
        const cb = MODULE_CALLBACKS[`${canonicalModule(owner.lib)}#${fnName}|${e.m.split('#')[1] ?? ''}|${e.i}`];
        return cb ? { t: cb, lib: owner.lib } : null;
      }
      default:
        return null;
    }
  }

  exportTag(file: string, name: string, depth: number, seen: Set<string> = new Set()): Tag | null {
    const key = `${file}#${name}`;
    if (this.exportTagMemo.has(key)) return this.exportTagMemo.get(key) ?? null;
    if (seen.has(key) || depth > MAX_DEPTH) return null;
    seen.add(key);
    const facts = this.ws.tagFacts(file);
    let result: Tag | null = null;
    if (facts) {
      const entry = facts.exports[name];
      if (entry?.tag) result = this.tag(file, entry.tag, depth + 1);
      else if (!entry && name !== 'default') {
        for (const spec of facts.starExports) {
          const target = this.ws.resolveModule(file, spec);
          if (!target) continue;
          result = this.exportTag(target, name, depth + 1, seen);
          if (result) break;
        }
      }
    }
    this.exportTagMemo.set(key, result);
    return result;
  }

  /** The function an export names (`export function f`, `export { f }`, re-exports), as file + index. */
  exportFn(file: string, name: string, depth = 0): { file: string; fn: number } | null {
    if (depth > 8) return null;
    const facts = this.ws.tagFacts(file);
    if (!facts) return null;
    const entry = facts.exports[name];
    if (entry?.fn !== undefined) return { file, fn: entry.fn };
    if (entry?.tag?.k === 'imp') {
      const target = this.ws.resolveModule(file, entry.tag.spec);
      return target ? this.exportFn(target, entry.tag.name, depth + 1) : null;
    }
    // `new Conn(socket)` of an exported class: its constructor (extract/constructorArgs.ts).
    if (entry?.tag?.k === 'cls' && entry.tag.ctor !== undefined) return { file, fn: entry.tag.ctor };
    // `const { f } = require('./f'); module.exports = { f }`: a CommonJS barrel passing a function on.
    if (entry?.tag?.k === 'prop' && entry.tag.of.k === 'imp' && entry.tag.of.name === 'default') {
      const target = this.ws.resolveModule(file, entry.tag.of.spec);
      return target ? this.exportFn(target, entry.tag.name, depth + 1) : null;
    }
    if (!entry) {
      for (const spec of facts.starExports) {
        const target = this.ws.resolveModule(file, spec);
        const r = target ? this.exportFn(target, name, depth + 1) : null;
        if (r) return r;
      }
    }
    return null;
  }

  /**
   * A constructor's or factory's first argument (a queue name, a NATS group) as far as it is known without
   * following calls of channel-building functions: receivers are resolved for every site, and following
   * `f(x)` there would parse every module whose functions are called in such positions.
   */
  private argValue(file: string, e: ValueExpr | null | undefined): RValue | null {
    this.noCalls++;
    try {
      return this.value(file, e);
    } finally {
      this.noCalls--;
    }
  }

  value(file: string, e: ValueExpr | null | undefined, depth = 0): RValue | null {
    if (!e) return null;
    // Each resolution has its own step budget: its outcome never depends on what was resolved before.
    this.steps = 0;
    return this.val(file, e, depth);
  }

  private val(file: string, e: ValueExpr, depth: number): RValue {
    if (depth > MAX_DEPTH) return UNKNOWN;
    if (++this.steps > VALUE_STEP_BUDGET) {
      // Receiver names are memoized with their tags, so only channel resolutions may mark the file.
      if (this.noCalls === 0) this.overran = true;
      return UNKNOWN;
    }
    switch (e.k) {
      case 'str':
        return { k: 'str', v: e.v, pattern: false };
      case 'regex':
        return e;
      case 'unknown':
        return UNKNOWN;
      case 'param':
        return { k: 'str', v: paramMarker(e.i), pattern: true };
      case 'arr':
        return { k: 'arr', items: e.items.map((i) => this.val(file, i, depth + 1)) };
      case 'obj': {
        const props: Record<string, RValue> = {};
        for (const [k, v] of Object.entries(e.props)) props[k] = this.val(file, v, depth + 1);
        return { k: 'obj', props };
      }
      case 'tpl': {
        let out = '';
        let pattern = false;
        for (const p of e.parts) {
          const r = this.val(file, p, depth + 1);
          if (r.k === 'str') {
            out += r.v;
            pattern ||= r.pattern;
          } else {
            out += '*';
            pattern = true;
          }
        }
        out = out.replace(/\*+/g, '*');
        return { k: 'str', ...capText(out, pattern) };
      }
      case 'fnv':
        return { k: 'fn', ret: this.val(file, e.ret, depth + 1) };
      case 'call': {
        if (this.noCalls > 0) return UNKNOWN;
        const f = this.val(file, e.of, depth + 1);
        if (f.k !== 'fn' || f.ret.k !== 'str') return UNKNOWN;
        if (!f.ret.v.includes(MARKER_CHAR)) return f.ret;
        const filled = fillParams(f.ret.v, e.args.map((a) => this.val(file, a, depth + 1)));
        return { k: 'str', ...capText(filled.channel, f.ret.pattern || filled.pattern) };
      }
      case 'ref': {
        const target = this.ws.resolveModule(file, e.spec);
        if (!target) return UNKNOWN;
        let base = this.exportValue(target, e.name, depth + 1, new Set());
        let path = e.path;
        // `import * as ns` then `ns.NAME`, and CommonJS `require('./x').NAME` where `exports.NAME = …`.
        if (base.k === 'unknown' && (e.name === 'default' || e.name === '*') && path[0]) {
          base = this.exportValue(target, path[0], depth + 1, new Set());
          path = path.slice(1);
        }
        for (const seg of path) {
          if (base.k !== 'obj') return UNKNOWN;
          base = base.props[seg] ?? UNKNOWN;
        }
        return base;
      }
      default:
        return UNKNOWN;
    }
  }

  private exportValue(file: string, name: string, depth: number, seen: Set<string>): RValue {
    const key = `${file}#${name}`;
    if (seen.has(key) || depth > MAX_DEPTH) return UNKNOWN;
    seen.add(key);
    const facts = this.ws.facts(file);
    if (!facts) return UNKNOWN;
    const entry = facts.exports[name];
    if (entry?.value) return this.val(file, entry.value, depth + 1);
    if (!entry && name !== 'default') {
      for (const spec of facts.starExports) {
        const target = this.ws.resolveModule(file, spec);
        if (!target) continue;
        const r = this.exportValue(target, name, depth + 1, seen);
        if (r.k !== 'unknown') return r;
      }
    }
    return UNKNOWN;
  }
}

function hasKeys(o: object): boolean {
  for (const _ in o) return true;
  return false;
}

let knownLibraries: Set<string> | null = null;

/** Is `mod` (after aliases) a module whose exports the library tables describe? */
export function isKnownLibrary(mod: string): boolean {
  knownLibraries ??= new Set(Object.keys(EXPORTS).map((k) => k.slice(0, k.lastIndexOf('#'))));
  return knownLibraries.has(canonicalModule(mod));
}

function libExport(mod: string, name: string, strict = false): Tag | null {
  const canon = canonicalModule(mod);
  const t = EXPORTS[`${canon}#${name}`];
  if (t) return { t, lib: mod };
  if (strict) return null;
  if (name === '*' || name === 'default') return { t: 'mod', lib: mod };
  return null;
}

function callResult(callee: Tag | null, arg0: RValue | null): Tag | null {
  if (!callee) return null;
  if (callee.t === 'fnret') return withNameFrom(callee.base ?? null, arg0);
  if (callee.t.startsWith('fn:')) return { t: callee.t.slice(3), lib: callee.lib, name: arg0 };
  // Callable constructors: `Bull('q')`, `require('socket.io')(server)`.
  if (callee.t === 'ctor:bull.queue' || callee.t === 'ctor:sio.server') return { t: callee.t.slice(5), lib: callee.lib, name: arg0 };
  return null;
}

export function instanceOf(ctor: Tag | null, name: RValue | null): Tag | null {
  if (!ctor) return null;
  if (ctor.t.startsWith('ctor:')) return { t: ctor.t.slice(5), lib: ctor.lib, name };
  if (ctor.t === 'cls') {
    const fromBase = ctor.base ? instanceOf(ctor.base, name) : null;
    // `class Bus extends EventEmitter { publishOrder() { this.emit(…) } }`: an emitter with wrapper methods.
    if (fromBase) return ctor.methods ? { ...fromBase, methods: ctor.methods, file: ctor.file, ...(ctor.returnsThis ? { returnsThis: ctor.returnsThis } : {}) } : fromBase;
    if (!ctor.members && !ctor.methods) return null;
    const tag: Tag = { t: 'local', lib: '', file: ctor.file };
    if (ctor.members) tag.members = ctor.members;
    if (ctor.methods) tag.methods = ctor.methods;
    if (ctor.returnsThis) tag.returnsThis = ctor.returnsThis;
    return tag;
  }
  // A type annotation naming an instance type directly (`nest.factory`) keeps it.
  if (!ctor.t.includes(':') && ctor.t !== 'mod' && ctor.t !== 'relns') return ctor;
  return null;
}

/**
 * A factory or registry lookup returning a client named by its first parameter (`getQueue(name)` returning
 * `new Queue(name)` or the cached one): the call's argument names the client, as the caller wrote it.
 */
function withNameFrom(base: Tag | null, arg0: RValue | null): Tag | null {
  const name = base?.name;
  if (!base || !arg0 || name?.k !== 'str' || !name.v.includes(MARKER_CHAR)) return base;
  // Only a name built from the first parameter alone: other parameters are not known at this call.
  if ([...name.v.matchAll(PARAM_MARKER)].some((m) => m[1] !== '0')) return base;
  const filled = fillParams(name.v, [arg0]);
  return { ...base, name: { k: 'str', v: filled.channel, pattern: name.pattern || filled.pattern } };
}
