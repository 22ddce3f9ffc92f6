// Which files are parsed for detections (prefilter stage 2, decided with knowledge of other files):
//   - stage-1 files, SQL and Prisma files always;
//   - a file that imports a name from a module leading to stage 1 (the module itself, or a barrel
//     re-exporting one) and uses it as a receiver, base class, constructor, decorator, declared type or
//     wrapper call, when that name can carry a construct: the export resolves to something bound to a
//     library (a client, a queue, a class extending EventEmitter…) or to a function that may wrap one.
// The last test is what keeps a large codebase cheap: a module that passes stage 1 because it creates an
// emitter is imported by hundreds of files for its ordinary helpers, and none of those needs parsing.
// The exporting modules are parsed to decide it, but they are stage-1 files or barrels, parsed anyway.
import path from 'node:path';
import type { FileFacts, TagExpr } from '../extract/facts';
import { importedNames, namespaceMembers, usesName } from '../discovery/prefilter';
import { codeView } from '../extract/sfc';
import type { Tag } from '../link/resolve';
import { Resolver, isKnownLibrary } from '../link/resolve';
import type { FileState } from './fileState';

/** What the inclusion decision reads from the engine. */
export interface InclusionHost {
  readonly states: ReadonlyMap<string, FileState>;
  resolveFromDir(dir: string, spec: string): string | null;
  resolveModule(fromFile: string, spec: string): string | null;
  packageAt(fromFile: string, spec: string): string | null;
  textOf(file: string, st: FileState): string | null;
  facts(file: string): FileFacts | null;
}

/** How far `export … from` chains are followed to reach a stage-1 module. */
const MAX_REEXPORT_DEPTH = 3;

/** How many imports deep data-access helpers are followed from an included file. */
const WRITE_HELPER_DEPTH = 1;
/** Data-access helpers are small modules; a large one (a vendored bundle, generated code) is not followed. */
const WRITE_HELPER_MAX_BYTES = 48_000;

export class Inclusion {
  private included: Set<string> | null = null;
  private readonly leads = new Map<string, boolean>();
  /** `file#exported` → can that export carry a construct (memoized until exports change). */
  private readonly carries = new Map<string, boolean>();

  constructor(private readonly host: InclusionHost) {}

  /** The file set or the import graph changed: everything is recomputed on the next call. */
  invalidate(): void {
    this.included = null;
    this.leads.clear();
    this.carries.clear();
  }

  /** A file's exports changed: which imports carry constructs may differ. */
  invalidateExports(): void {
    this.included = null;
    this.carries.clear();
  }

  /**
   * Recomputes the set after one stage-2 candidate changed its uses (same imports, same exports) and says
   * whether that file's membership changed.
   */
  recheck(file: string): boolean {
    const before = this.included;
    this.included = null;
    const after = this.set();
    return !!before && before.has(file) !== after.has(file);
  }

  has(file: string): boolean {
    return this.set().has(file);
  }

  /** Files that can export library-bound values: included files and barrels re-exporting stage-1 ones. */
  canExportTags(file: string): boolean {
    return this.set().has(file) || this.leadsToStage1(file, 0);
  }

  set(): Set<string> {
    if (this.included) return this.included;
    const inc = new Set<string>();
    const resolver = this.exportResolver();
    // Fastify plugins decorate the server instance for other files: those files import nothing to follow.
    const decorated = new Set<string>();
    for (const st of this.host.states.values()) for (const name of st.pre?.decorates ?? []) decorated.add(name);
    for (const [abs, st] of this.host.states) {
      if (st.skip) continue;
      if (st.rec.kind === 'sql' || st.rec.kind === 'prisma') {
        inc.add(abs);
        continue;
      }
      if (st.rec.kind !== 'code' || !st.pre) continue;
      if (st.pre.stage1 || st.pre.decorates.length > 0) inc.add(abs);
      else if (st.pre.decoUses.some((name) => decorated.has(name))) inc.add(abs);
      else if (st.pre.importSpecs.length && this.stage2(abs, st, resolver)) inc.add(abs);
    }
    this.addReceiverCallees(inc);
    this.addWriteHelpers(inc);
    this.included = inc;
    return inc;
  }

  /** Modules an included file hands a library-bound argument to (transitively): their parameters are receivers. */
  private addReceiverCallees(inc: Set<string>): void {
    const queue = [...inc];
    const callees = new Set<string>();
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
      const facts = this.host.facts(file);
      // A callee that is a barrel (`module.exports = { attach }` over `require('./attach')`) hands the
      // receiver on to the module defining the function.
      const specs = callees.has(file) && facts ? [...(facts.handsReceiversTo ?? []), ...barrelSources(facts)] : (facts?.handsReceiversTo ?? []);
      for (const spec of specs) {
        const target = this.host.resolveModule(file, spec);
        const st = target ? this.host.states.get(target) : undefined;
        if (!target || inc.has(target) || !st || st.skip || st.rec.kind !== 'code') continue;
        inc.add(target);
        callees.add(target);
        queue.push(target);
      }
    }
  }

  /**
   * Data-access helpers imported by included files (`updateInvoice(db, …)` in `./invoiceStore`), a few
   * imports deep: their writes make their callers' publishes dual writes (link/helperEffects.ts). Only
   * modules whose text has a write call are parsed.
   */
  private addWriteHelpers(inc: Set<string>): void {
    let frontier = [...inc];
    for (let depth = 0; depth < WRITE_HELPER_DEPTH && frontier.length > 0; depth++) {
      const next: string[] = [];
      for (const file of frontier) {
        for (const spec of calledModules(this.host.facts(file))) {
          const target = this.host.resolveModule(file, spec);
          const st = target ? this.host.states.get(target) : undefined;
          if (!target || inc.has(target) || !st || st.skip || st.rec.kind !== 'code' || !st.pre?.writesHint || st.rec.size > WRITE_HELPER_MAX_BYTES) continue;
          inc.add(target);
          next.push(target);
        }
      }
      frontier = next;
    }
  }

  private stage2(abs: string, st: FileState, resolver: Resolver): boolean {
    const pre = st.pre;
    if (!pre) return false;
    const dir = path.dirname(abs);
    // Most files import nothing that leads to stage 1: decided from the specifiers alone, without the text.
    if (!pre.importSpecs.some((spec) => {
      if (this.libraryFolder(abs, spec)) return true;
      const target = this.host.resolveFromDir(dir, spec);
      return !!target && this.leadsToStage1(target, 0);
    })) return false;
    // The text is read only here, for the few files that import such a module, and only until the names,
    // their uses and the namespace members are cached on the file's state.
    let text: string | null | undefined;
    const textNow = (): string | null => {
      if (text === undefined) {
        const raw = this.host.textOf(abs, st);
        text = raw === null ? null : codeView(abs, raw);
      }
      return text;
    };
    if (!st.names) {
      const t = textNow();
      if (t === null) return false;
      st.names = importedNames(t);
    }
    for (const [name, spec, imported] of st.names) {
      // `require('../')` in a library's own examples: a use of the library itself, as in stage 1.
      if (this.libraryFolder(abs, spec)) {
        const t = textNow();
        if (t !== null && usesName(t, name, true)) return true;
        continue;
      }
      // Memoized per folder and specifier by the engine's module resolution.
      const module = this.host.resolveFromDir(dir, spec);
      if (!module || !this.leadsToStage1(module, 0)) continue;
      let used = st.usage.get(name);
      if (used === undefined) {
        const t = textNow();
        used = t !== null && usesName(t, name);
        st.usage.set(name, used);
      }
      if (!used) continue;
      if (imported !== '*') {
        if (this.carriesConstruct(resolver, module, imported)) return true;
        continue;
      }
      // A whole module (`import * as ns`, `const ns = require(…)`): only the members used can matter.
      st.members ??= new Map();
      let members = st.members.get(name);
      if (members === undefined) {
        const t = textNow();
        members = t === null ? null : namespaceMembers(t, name);
        st.members.set(name, members);
      }
      // A member may also be one of a CommonJS `module.exports = new Bus()` value: its default export.
      const carried = members === null ? this.carriesConstruct(resolver, module, '*') : members.size > 0 && (this.carriesConstruct(resolver, module, 'default') || [...members].some((m) => this.carriesConstruct(resolver, module, m)));
      if (carried) return true;
    }
    return false;
  }

  /** Does `spec` point at the folder of a package the analyzer knows as a library? */
  private libraryFolder(fromFile: string, spec: string): boolean {
    const name = spec.startsWith('.') ? this.host.packageAt(fromFile, spec) : null;
    return !!name && isKnownLibrary(name);
  }

  private leadsToStage1(p: string, depth: number): boolean {
    const st = this.host.states.get(p);
    if (st?.pre?.stage1) return true;
    if (!st?.pre?.reexportSpecs.length || depth > MAX_REEXPORT_DEPTH) return false;
    const memo = depth === 0 ? this.leads.get(p) : undefined;
    if (memo !== undefined) return memo;
    let found = false;
    for (const spec of st.pre.reexportSpecs) {
      const target = this.host.resolveModule(p, spec);
      if (target && this.leadsToStage1(target, depth + 1)) {
        found = true;
        break;
      }
    }
    if (depth === 0) this.leads.set(p, found);
    return found;
  }

  /** A resolver over the modules that can export library-bound values before the included set exists:
   *  stage-1 files and the barrels leading to them (the same files the link resolves such exports in). */
  private exportResolver(): Resolver {
    return new Resolver({
      facts: (f) => this.host.facts(f),
      tagFacts: (f) => (this.leadsToStage1(f, 0) ? this.host.facts(f) : null),
      resolveModule: (from, spec) => this.host.resolveModule(from, spec),
    });
  }

  /** Can export `imported` of `file` (`*`: any export) be a receiver, constructor or wrapper? */
  private carriesConstruct(resolver: Resolver, file: string, imported: string): boolean {
    const key = `${file}#${imported}`;
    let hit = this.carries.get(key);
    if (hit !== undefined) return hit;
    const facts = this.host.facts(file);
    if (!facts) hit = true; // unparseable: nothing is known, so nothing is ruled out
    else if (imported === '*') {
      hit = facts.starExports.length > 0 || Object.keys(facts.exports).some((n) => carries(resolver, file, n));
    } else hit = carries(resolver, file, imported);
    this.carries.set(key, hit);
    return hit;
  }
}

/**
 * Can an export be a receiver or a wrapper? A value bound to a library (directly, or as the base of a class
 * or the result of a function), a class holding fields, or a function that calls something bound.
 * Ordinary classes and helpers (most exports of a large module) cannot.
 */
function carries(resolver: Resolver, file: string, name: string): boolean {
  const tag = resolver.exportTag(file, name, 0);
  if (tag && tagCarries(resolver, tag, 0)) return true;
  const fn = resolver.exportFn(file, name);
  return !!fn && callsSomethingBound(resolver, fn.file, fn.fn);
}

function tagCarries(resolver: Resolver, tag: Tag, depth: number): boolean {
  if (tag.lib || tag.t === 'relns') return true;
  if (depth >= 8) return false;
  // A local class's fields (`private producer = kafka.producer()`) are reached as `svc.producer.send(…)`.
  if (tag.members && tag.file) {
    for (const m of Object.values(tag.members)) {
      const mt = resolver.tag(tag.file, m, 0);
      if (mt && tagCarries(resolver, mt, depth + 1)) return true;
    }
  }
  return !!tag.base && tagCarries(resolver, tag.base, depth + 1);
}

/**
 * Does function `fn` of `file` use something bound to a library (a site whose receiver or callee resolves
 * to a library tag), or call a function that does? Sites are recorded for any bound receiver, including
 * unrelated libraries, so the tags are resolved here.
 */
function callsSomethingBound(resolver: Resolver, file: string, fn: number, depth = 0): boolean {
  const facts = resolver.ws.facts(file);
  if (!facts) return true;
  if (depth > 4) return false;
  for (const s of facts.sites) {
    if (s.fn !== fn) continue;
    const recv = s.recv ? resolver.tag(file, s.recv, 0) : null;
    if (recv && tagCarries(resolver, recv, 0)) return true;
    const callee = s.callee ? resolver.tag(file, s.callee, 0) : null;
    if (callee && tagCarries(resolver, callee, 0)) return true;
  }
  for (const c of facts.calls) {
    if (c.fn !== fn) continue;
    const target = 'fn' in c.callee ? { file, fn: c.callee.fn } : calleeFn(resolver, file, c.callee);
    if (target && (target.file !== file || target.fn !== fn) && callsSomethingBound(resolver, target.file, target.fn, depth + 1)) return true;
  }
  return false;
}

function calleeFn(resolver: Resolver, file: string, callee: { spec: string; name: string }): { file: string; fn: number } | null {
  const target = resolver.ws.resolveModule(file, callee.spec);
  return target ? resolver.exportFn(target, callee.name) : null;
}

/** Re-exporting barrels larger than this are not followed (a package index re-exporting everything). */
const MAX_BARREL_SOURCES = 8;

/** The relative modules a file re-exports from (`export *`, `export { f } from`, CommonJS `{ f }` of a require). */
function barrelSources(facts: FileFacts): string[] {
  const out = new Set(facts.starExports);
  for (const e of Object.values(facts.exports)) {
    const tag = e.tag?.k === 'prop' ? e.tag.of : e.tag;
    if (tag?.k === 'imp' && tag.spec.startsWith('.')) out.add(tag.spec);
  }
  return out.size <= MAX_BARREL_SOURCES ? [...out] : [];
}

/** Modules whose functions or class instances the file calls (`updateInvoice(…)`, `this.store.markRead(…)`). */
function calledModules(facts: FileFacts | null): Set<string> {
  const specs = new Set<string>();
  if (!facts) return specs;
  for (const c of facts.calls) if ('spec' in c.callee && !c.handlerRef) specs.add(c.callee.spec);
  for (const c of facts.methodCalls) {
    const spec = importedRoot(c.recv);
    if (spec) specs.add(spec);
  }
  return specs;
}

function importedRoot(e: TagExpr): string | null {
  for (let cur: TagExpr = e, hops = 0; hops < 8; hops++) {
    if (cur.k === 'imp') return cur.spec;
    if (cur.k !== 'prop' && cur.k !== 'call' && cur.k !== 'new' && cur.k !== 'inst') return null;
    cur = cur.of;
  }
  return null;
}
