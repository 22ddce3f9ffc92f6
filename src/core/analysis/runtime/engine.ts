// The analysis engine shared by the cold run and the incremental analyzer: per-file state (guards,
// prefilter, facts; with the mtime and size it was read at) keyed by path and recomputed only when that
// file changes, and a link step that turns the facts of the included
// files into detections and flows. Per-file link results are reused unless something they can depend on
// (another file's exports, the file set, the services) changed.
import fs from 'node:fs';
import path from 'node:path';
import type { AnalysisOptions, AnalysisResult, Detection, Flow, SkippedFile } from '../types';
import type { FileFacts, TagExpr } from '../extract/facts';
import { extractFacts } from '../extract/extract';
import { SourceFileCache } from '../extract/sourceCache';
import type { DiscoveredFile, FileKind } from '../discovery/walk';
import { formatBytes, kindOf, makeExcluder, rel, throwIfAborted, walkRoots } from '../discovery/walk';
import type { FileDrafts, LinkFile } from '../link/link';
import { byPosition, fileDrafts, finishFile, makeResolver } from '../link/link';
import { wrapperDrafts } from '../link/wrappers';
import { helperEffects } from '../link/helperEffects';
import type { AmqpBindingFact } from '../link/flows';
import { buildFlows } from '../link/flows';
import type { PackageInfo } from './services';
import { ServiceIndex } from './services';
import type { Ignore } from 'ignore';
import type { FileState } from './fileState';
import { readFileState } from './fileState';
import { PathFilter } from './pathFilter';
import type { PrefilterInfo } from '../discovery/prefilter';
import { ModuleAliases } from './moduleAliases';
import { ModuleResolution } from './moduleResolution';
import { Decorations } from './decorations';
import { Inclusion } from './inclusion';
import { PARALLEL_SCAN_MIN_FILES, defaultScanWorkerFile, parallelScan } from './parallelScan';
import { structuralHash } from './factsHash';
import { linkBudgeted, tooManyDetections } from './linkBudget';
import type { CacheIdentity, CachedResult, LoadedCache } from './persistentCache';
import { ExternalInputs } from './externalInputs';
import { defaultAnalyzerVersion, entryOf, loadCache, readCacheHeader, saveCache } from './persistentCache';
import { pruneCacheDir } from './cachePrune';
import { cachedScan } from './cachedScan';
import { typescriptLoadMs } from './typescriptLoader';
import type { ScanTimings } from './scanTimings';

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;
/** Longest stretch of parsing between two yields to the event loop. */
const YIELD_EVERY_MS = 12;

export class Engine {
  readonly roots: string[];
  private readonly maxBytes: number;
  /** Each root's size cap (its own setting, else `maxBytes`), index-aligned with `roots`. */
  private readonly rootMaxBytes: number[];
  private readonly excluder: Ignore;
  // Caches, each with its key and what invalidates it. The rule behind all of them: facts depend on one
  // file's text only, link results on the facts of the files they read, so a change drops the file's own
  // entries and, when its exports or the file set change, everything linked from them (see afterChange).
  /** Key: absolute path. The file's state (record, text, prefilter result, facts). Replaced when the file
   *  changes (`updateFile`, `markFailed`), deleted when it is removed; facts are recomputed lazily. */
  private readonly states = new Map<string, FileState>();
  /** Symlink loops and unreadable entries of the last walk. Set by each cold scan only. */
  private walkSkipped: SkippedFile[] = [];
  /** Services (packages) of the workspace, built from the package files on first use. Dropped by
   *  `invalidateAll` (file set, package.json or structure changed). */
  private services: ServiceIndex | null = null;
  /** `states`' keys in order. Dropped by `invalidateAll` (only the file set changes it). */
  private sortedFiles: string[] | null = null;
  /** Package names and versions of the workspace. Dropped by `invalidateAll`. */
  private packageList: [string, string | undefined][] | null = null;
  /** Key: absolute path of an included file. Its own drafts and call targets (FileDrafts). The entry is
   *  dropped when the file changes; the whole map when inclusion changes, when any file's exports,
   *  transports, decorations or receiver hand-offs change (they feed other files' links), or on
   *  `invalidateAll`. Wrapper and parameter-receiver drafts are not cached: every link recomputes them. */
  private linkCache = new Map<string, FileDrafts>();
  private readonly paths: PathFilter;
  /** tsconfig/jsconfig `paths` aliases; invalidated with `invalidateAll`. */
  private readonly aliases: ModuleAliases;
  /** Which files are parsed for detections; invalidated with `invalidateAll`, its export memo when a
   *  file's exports change, rechecked for one file whose imports' uses may have changed. */
  private readonly inclusion: Inclusion;
  /** Module resolution memo (from file or folder, specifier); invalidated with `invalidateAll`. */
  private readonly modules: ModuleResolution;
  /** Fastify decorations by name; rebuilt from the facts on every link. */
  private readonly decorations = new Decorations();
  /** Key: a cached FileDrafts object. Its finished detections (weakly keyed: dropped with the drafts). */
  private finished = new WeakMap<FileDrafts, Detection[]>();
  /** Key: a cached (empty) FileDrafts object. Files whose link ran out of budget, skipped with the reason
   *  `budget`; dropped with the drafts. */
  private linkSkips = new WeakMap<FileDrafts, SkippedFile>();
  /** Key: absolute path. Trees of files re-parsed after the first link (edits), for incremental
   *  re-parsing; at most 3, forgotten when the file is removed or fails, dropped after a wide edit. */
  private readonly trees = new SourceFileCache(3);
  private linkedOnce = false;
  parseMs = 0;
  parsedCount = 0;
  /** Where the cold scan's time went, and what the persistent cache gave (for the logs). */
  readonly timings: ScanTimings = { walkMs: 0, scanMs: 0, cacheLoadMs: 0, files: 0, cache: 'off' };
  /** Has anything the persistent cache holds changed since it was loaded (or is there none)? */
  private cacheDirty = true;
  /** The cache folder was pruned in this session (cachePrune.ts). */
  private pruned = false;
  /** What the analysis read besides the indexed files (tsconfig `paths`), for reusing a whole result. */
  private readonly external = new ExternalInputs();
  /** Everything the walk skipped, as the cached whole result must have seen it. */
  private walkAll: SkippedFile[] = [];
  /** A whole result from the persistent cache that the next link returns as is (nothing changed). */
  private reusable: AnalysisResult | null = null;
  /** The last link's result while no file changed since (what the cache saves as the whole result). */
  private linked: AnalysisResult | null = null;
  /** The last link returned the cached whole result: the per-file link caches are still empty. */
  wholeReused = false;

  constructor(roots: string[], private readonly options: AnalysisOptions = {}) {
    this.roots = roots.map((r) => path.resolve(r));
    this.maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    this.rootMaxBytes = this.roots.map((_, i) => options.perRoot?.[i]?.maxFileBytes ?? this.maxBytes);
    this.excluder = makeExcluder(options.exclude);
    const rootExcluders = this.roots.map((_, i) => {
      const own = options.perRoot?.[i]?.exclude;
      return own ? makeExcluder(own) : undefined;
    });
    this.paths = new PathFilter(this.roots, this.excluder, rootExcluders);
    this.aliases = new ModuleAliases(this.roots, () => this.packageNames(), (f) => this.external.read(f), (f) => this.external.exists(f));
    this.modules = new ModuleResolution(this.states, this.aliases);
    this.inclusion = new Inclusion({
      states: this.states,
      resolveFromDir: (dir, spec) => this.modules.resolveFromDir(dir, spec),
      resolveModule: (from, spec) => this.resolveModule(from, spec),
      packageAt: (from, spec) => this.packageAt(from, spec),
      textOf: (file, st) => this.textOf(file, st),
      facts: (file) => this.facts(file),
    });
  }

  /** Workspace package.json files with their names, for imports of workspace packages by name. */
  private packageNames(): [string, string | undefined][] {
    // Asked for every bare specifier resolved: listed once per file set, not by scanning every file's state.
    if (!this.packageList) {
      this.packageList = [];
      for (const [abs, st] of this.states) if (st.pkg) this.packageList.push([abs, st.pkg.name ?? undefined]);
    }
    return this.packageList;
  }

  /** Discover and read every file (cold). */
  async scanAll(signal?: AbortSignal): Promise<void> {
    const cache = this.loadPersistentCache();
    const walkStarted = performance.now();
    // With a cache, the walk's stat (size, mtime) decides which files need opening at all.
    const { files, skipped } = walkRoots(this.roots, { exclude: this.options.exclude, maxFileBytes: this.maxBytes, perRoot: this.options.perRoot, signal, statFiles: cache !== null });
    const scanStarted = performance.now();
    this.timings.walkMs = scanStarted - walkStarted;
    this.timings.files = files.length;
    this.walkSkipped = skipped.filter((s) => s.reason === 'symlink-loop' || s.reason === 'unreadable');
    this.walkAll = skipped;
    this.linked = null;
    this.states.clear();
    const tooLarge = skipped.filter((s) => s.reason === 'too-large');
    for (const s of tooLarge) {
      const root = this.roots[s.root] ?? this.roots[0] ?? '';
      const abs = path.join(root, s.file);
      const kind = kindOf(abs) ?? 'code';
      this.states.set(abs, { rec: { abs, root, rootIndex: s.root, rel: s.file, kind, size: 0, mtimeMs: 0 }, skip: s, lines: 0, pre: null, text: null, fromEditor: false, facts: null, pkg: null, usage: new Map() });
    }
    const workerFile = this.options.scanWorkerFile === undefined ? defaultScanWorkerFile() : this.options.scanWorkerFile;
    const hash = this.options.cacheFile !== undefined;
    if (cache) {
      const read = await cachedScan(files, cache, this.maxBytes, signal, this.options.onProgress);
      for (const st of read.states) this.states.set(st.rec.abs, st);
      this.timings.cache = `${read.unchanged} unchanged, ${read.sameContent} same content, ${read.read} new or changed, ${read.gone} gone`;
      this.cacheDirty = read.read > 0 || read.sameContent > 0 || read.gone > 0;
      if (!this.cacheDirty && reusableWhole(cache.whole, skipped)) {
        // Not one input changed: the link would compute the same result again.
        this.reusable = cache.whole?.result ?? null;
        this.timings.cache += '; whole result reused';
      }
    } else if (workerFile && files.length >= PARALLEL_SCAN_MIN_FILES) {
      const read = await parallelScan(files, this.rootMaxBytes, workerFile, signal, this.options.onProgress, hash);
      // In discovery order, as the single-threaded scan inserts them (package lists follow this order).
      for (const st of read.states) this.states.set(st.rec.abs, st);
    } else {
      let done = 0;
      for (const rec of files) {
        if ((done & 63) === 0) {
          throwIfAborted(signal);
          if (done > 0) await new Promise((r) => setImmediate(r));
        }
        this.states.set(rec.abs, readFileState(rec, null, this.rootMaxBytes[rec.rootIndex] ?? this.maxBytes, hash));
        this.options.onProgress?.(++done, files.length);
      }
    }
    this.timings.scanMs = performance.now() - scanStarted;
    this.invalidateAll();
  }

  private cacheIdentity(): CacheIdentity {
    return { analyzerVersion: this.options.analyzerVersion ?? defaultAnalyzerVersion(), roots: this.roots, maxBytes: this.maxBytes, exclude: this.options.exclude ?? [] };
  }

  /** The persistent cache when configured and valid; why not otherwise (in `timings.cache`). */
  private loadPersistentCache(): LoadedCache | null {
    const file = this.options.cacheFile;
    if (!file) return null;
    const started = performance.now();
    const loaded = loadCache(file, this.cacheIdentity());
    this.timings.cacheLoadMs = performance.now() - started;
    if (!loaded.ok) {
      this.timings.cache = `not used: ${loaded.reason}`;
      return null;
    }
    return loaded.cache;
  }

  /** Writes the persistent cache when something changed since it was loaded; returns what it did. */
  saveCache(): string {
    const file = this.options.cacheFile;
    if (!file) return 'off';
    if (!this.cacheDirty) return 'unchanged';
    const started = performance.now();
    const entries = [];
    for (const st of this.states.values()) {
      const e = entryOf(st);
      if (e) entries.push(e);
    }
    // The whole result only while it is the result of exactly these states.
    const whole: CachedResult | null = this.linked ? { result: this.linked, walkSkipped: this.walkAll, external: this.external.record() } : null;
    const bytes = saveCache(file, this.cacheIdentity(), entries, whole);
    this.cacheDirty = false;
    // Once per session, after a save: the folder's caches of other versions, gone workspaces, dead writers.
    const pruned = this.pruned ? [] : pruneCacheDir(file, { analyzerVersion: this.cacheIdentity().analyzerVersion, readHeader: readCacheHeader });
    this.pruned = true;
    return `saved ${entries.length} files, ${formatBytes(bytes)} in ${Math.round(performance.now() - started)} ms${pruned.length ? `; removed ${pruned.length} old cache file(s)` : ''}`;
  }

  /** The next link computes the result instead of returning the last one (see IncrementalAnalyzer.settle). */
  forgetLinkResult(): void {
    this.reusable = null;
  }

  /** Milliseconds this thread spent initializing TypeScript (0: never needed). */
  get typescriptMs(): number {
    return typescriptLoadMs();
  }


  private invalidateAll(): void {
    this.services = null;
    this.sortedFiles = null;
    this.packageList = null;
    this.linkCache = new Map();
    this.modules.invalidate();
    this.inclusion.invalidate();
    this.aliases.invalidate();
  }

  // ---------------------------------------------------------------- workspace view for the resolver

  resolveModule(fromFile: string, spec: string): string | null {
    return this.modules.resolveModule(fromFile, spec);
  }

  packageAt(fromFile: string, spec: string): string | null {
    return this.modules.packageAt(fromFile, spec);
  }

  /** A decorated server member seen from `fromFile` (see decorations.ts). */
  decoration(fromFile: string, name: string): { file: string; tag: TagExpr } | null {
    const st = this.states.get(fromFile);
    return this.decorations.find(name, st ? this.serviceIndex().serviceOf(fromFile, st.rec.root) : null);
  }

  private textOf(file: string, st: FileState): string | null {
    if (st.text !== null) return st.text;
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return null;
    }
  }

  facts(file: string): FileFacts | null {
    const st = this.states.get(file);
    if (!st || st.skip) return null;
    if (st.facts !== undefined) return st.facts;
    const text = this.textOf(file, st);
    if (text === null) {
      st.facts = null;
      return null;
    }
    const t0 = performance.now();
    const out = extractFacts(file, st.rec.kind, text, this.linkedOnce ? this.trees : undefined);
    this.parseMs += performance.now() - t0;
    this.parsedCount++;
    this.cacheDirty = true;
    st.facts = out.facts;
    if (!st.fromEditor) st.text = null;
    if (out.failure) st.skip = { file: st.rec.rel, root: st.rec.rootIndex, reason: out.failure.reason, detail: out.failure.detail };
    return st.facts;
  }

  /** Facts for receiver-type resolution: only files that can export a library-bound value (included
   *  files and barrels re-exporting them); other files cannot, so they are not parsed for it. */
  tagFacts(file: string): FileFacts | null {
    return this.inclusion.canExportTags(file) ? this.facts(file) : null;
  }

  private serviceIndex(): ServiceIndex {
    if (!this.services) {
      const pk: [string, PackageInfo][] = [];
      for (const [abs, st] of this.states) if (st.pkg) pk.push([abs, st.pkg]);
      this.services = new ServiceIndex(pk);
    }
    return this.services;
  }

  private files(): string[] {
    if (!this.sortedFiles) this.sortedFiles = [...this.states.keys()].sort();
    return this.sortedFiles;
  }

  // ---------------------------------------------------------------- link

  /** Links every included file (reusing cached per-file results) and builds the result. */
  async link(signal?: AbortSignal): Promise<{ result: AnalysisResult; perFile: Map<string, Detection[]> }> {
    const started = performance.now();
    if (this.reusable) {
      const whole = this.reusable;
      this.reusable = null;
      this.linked = whole;
      this.wholeReused = true;
      return { result: { ...whole, stats: { ...whole.stats, filesParsed: 0, parseMs: 0, durationMs: 0 } }, perFile: new Map() };
    }
    const included = this.inclusion.set();
    const order = this.files().filter((f) => included.has(f));
    // Yield to the event loop (for a cancellation message) only after real work: a re-link after one edit,
    // with every other file's facts cached, finishes without handing its time slice to pending tasks.
    let lastYield = performance.now();
    for (const f of order) {
      if (this.states.get(f)?.facts !== undefined) continue;
      this.facts(f);
      if (performance.now() - lastYield > YIELD_EVERY_MS) {
        throwIfAborted(signal);
        await new Promise((r) => setImmediate(r));
        lastYield = performance.now();
      }
    }
    throwIfAborted(signal);
    const svc = this.serviceIndex();
    // Decorations of the included files (their facts are all extracted by now).
    this.decorations.rebuild(order, this.states, (f, st) => svc.serviceOf(f, st.rec.root));
    const transports = new Map<string, Set<string>>();
    for (const f of order) {
      const st = this.states.get(f);
      const facts = st?.facts;
      if (!st || !facts || facts.transports.length === 0) continue;
      const s = svc.serviceOf(f, st.rec.root);
      const set = transports.get(s) ?? new Set<string>();
      for (const t of facts.transports) set.add(t);
      transports.set(s, set);
    }
    const resolver = makeResolver(this);
    const perFile = new Map<string, Detection[]>();
    const detections: Detection[] = [];
    const bindings: AmqpBindingFact[] = [];
    const linkFiles: LinkFile[] = [];
    const draftsByFile = new Map<string, FileDrafts>();
    const linkSkipped: SkippedFile[] = [];
    for (const f of order) {
      const st = this.states.get(f);
      if (!st?.facts) continue;
      const service = svc.serviceOf(f, st.rec.root);
      const lf: LinkFile = { abs: f, rel: st.rec.rel, root: st.rec.rootIndex, service, facts: st.facts };
      let fd = this.linkCache.get(f);
      if (!fd) {
        const linked = linkBudgeted(lf, resolver, () => fileDrafts(lf, resolver, transports.get(service) ?? new Set()));
        fd = linked.drafts;
        if (linked.skip) this.linkSkips.set(fd, linked.skip);
        this.linkCache.set(f, fd);
      }
      const budgetSkip = this.linkSkips.get(fd);
      if (budgetSkip) {
        linkSkipped.push(budgetSkip);
        continue;
      }
      linkFiles.push(lf);
      draftsByFile.set(f, fd);
      for (const b of fd.bindings) bindings.push(b);
    }
    // Wrapper calls depend on other files' wrappers: recomputed on every link (cheap), not cached.
    const wrapped = wrapperDrafts(linkFiles, draftsByFile, resolver);
    // Writes and publishes reached through helpers (dual writes across functions): same lifetime as `wrapped`.
    const helpers = helperEffects(linkFiles, draftsByFile, wrapped.drafts);
    for (const lf of linkFiles) {
      const fd = draftsByFile.get(lf.abs);
      const own = fd?.drafts ?? [];
      const extra = wrapped.drafts.get(lf.abs);
      const overflow = tooManyDetections(lf, own.length + (wrapped.counts.get(lf.abs) ?? 0));
      if (overflow) {
        linkSkipped.push(overflow);
        continue;
      }
      // Files without wrapper calls keep their detection objects while their drafts are cached, so an
      // incremental diff settles them by identity.
      const viaHelpers = helpers.get(lf.abs);
      const standalone = !extra && !viaHelpers;
      const reuse = standalone && fd ? this.finished.get(fd) : undefined;
      const dets = reuse ?? finishFile(lf, extra ? [...own, ...extra] : own, viaHelpers);
      if (standalone && fd && !reuse) this.finished.set(fd, dets);
      perFile.set(lf.abs, dets);
      for (const d of dets) detections.push(d);
    }
    detections.sort(byPosition);
    const flows: Flow[] = buildFlows(detections, bindings);
    this.linkedOnce = true;
    const result = this.assemble(detections, flows, performance.now() - started, linkSkipped);
    this.linked = result;
    return { result, perFile };
  }

  private assemble(detections: Detection[], flows: Flow[], durationMs: number, linkSkipped: SkippedFile[]): AnalysisResult {
    const skipped: SkippedFile[] = [...this.walkSkipped, ...linkSkipped];
    let bytes = 0;
    let lines = 0;
    for (const st of this.states.values()) {
      if (st.skip) skipped.push(st.skip);
      else {
        bytes += st.rec.size;
        lines += st.lines;
      }
      if (st.facts?.note === 'too-deep') skipped.push({ file: st.rec.rel, root: st.rec.rootIndex, reason: 'too-deep', detail: 'nesting deeper than the walker limit: analyzed only the outer levels' });
    }
    skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
    const services: AnalysisResult['services'] = {};
    for (const [pkgFile, info] of this.serviceIndex().entries()) {
      if (!info.name) continue;
      const root = this.roots.find((r) => pkgFile.startsWith(r)) ?? '';
      const prev = services[info.name];
      const dir = rel(root, pkgFile) || '.';
      if (!prev || dir < prev.root) services[info.name] = { root: dir, libraries: info.libraries };
    }
    return {
      schemaVersion: 1,
      roots: this.roots,
      detections,
      flows,
      skipped,
      services,
      stats: { filesSeen: this.states.size, filesParsed: this.parsedCount, bytesRead: bytes, lines, durationMs: Math.round(durationMs), parseMs: Math.round(this.parseMs) },
    };
  }

  // ---------------------------------------------------------------- incremental updates


  /** Re-reads one file (or takes the editor's text). Returns false when the path is not analyzable. */
  updateFile(absIn: string, text?: string): boolean {
    const abs = path.resolve(absIn);
    if (path.basename(abs) === '.gitignore') {
      this.paths.clearGitignores();
      return false;
    }
    const kind: FileKind | null = kindOf(abs);
    const root = this.paths.rootOf(abs);
    if (!kind || !root || this.paths.isIgnored(abs)) {
      return this.removeOne(abs);
    }
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
      if (!st.isFile()) return this.removeOne(abs);
    } catch {
      if (text === undefined) return this.removeOne(abs);
      st = { size: Buffer.byteLength(text), mtimeMs: Date.now() } as fs.Stats;
    }
    const rec: DiscoveredFile = { abs, root, rootIndex: Math.max(0, this.roots.indexOf(root)), rel: rel(root, abs), kind, size: st.size, mtimeMs: st.mtimeMs };
    // Always re-read: a watcher event means the content may differ even when mtime and size do not.
    const prev = this.states.get(abs);
    const cap = this.rootMaxBytes[rec.rootIndex] ?? this.maxBytes;
    let next: FileState;
    if (text === undefined && st.size > cap && kind !== 'package') {
      next = { rec, skip: { file: rec.rel, root: rec.rootIndex, reason: 'too-large', detail: `${formatBytes(st.size)} > ${formatBytes(cap)} cap` }, lines: 0, pre: null, text: null, fromEditor: false, facts: null, pkg: null, usage: new Map() };
    } else {
      next = readFileState(rec, text ?? null, cap, this.options.cacheFile !== undefined);
    }
    this.states.set(abs, next);
    this.cacheDirty = true;
    this.linked = null;
    this.reusable = null;
    this.afterChange(abs, prev ?? null, next);
    return true;
  }

  private afterChange(abs: string, prev: FileState | null, next: FileState | null): void {
    this.linkCache.delete(abs);
    const structural =
      !prev || !next || prev.rec.kind === 'package' || next.rec.kind === 'package' || !!prev.skip !== !!next.skip ||
      prev.pre?.stage1 !== next.pre?.stage1 || !sameLinks(prev.pre, next.pre);
    if (structural) {
      this.invalidateAll();
      return;
    }
    // A stage-2 candidate may start or stop using its imports as receivers with the same import list.
    if (next?.pre?.importSpecs.length && this.inclusion.recheck(abs)) this.linkCache = new Map();
    // Same file set and inclusion: other files' link results only change if this file's exports or
    // transports changed. Extract now to compare (the parse would happen in link anyway).
    const prevFacts = prev?.facts;
    // Never extracted: nothing included imports it and it is not included itself (else link parsed it).
    if (prevFacts === undefined) return;
    const nextFacts = this.facts(abs);
    // A hash linear in the facts' distinct parts: serializing would expand their shared parts.
    const sig = (f: FileFacts | null | undefined): string | null =>
      f === undefined ? null : structuralHash([f?.exports ?? null, f?.starExports ?? null, f?.transports ?? null, f?.decorations ?? null, f?.handsReceiversTo ?? null, f?.imports ?? null]);
    if (sig(prevFacts) !== sig(nextFacts)) {
      // Other files' links, and which stage-2 files can hold constructs, depend on these exports.
      this.linkCache = new Map();
      this.inclusion.invalidateExports();
    }
  }

  /**
   * Leaves a file out after analyzing its update threw: it is listed in `skipped` with the error, and
   * every cached link result is dropped (what it contributed before is unknown). Its next change tries
   * again. Returns false when the path is not one the index would hold.
   */
  markFailed(absIn: string, error: unknown): boolean {
    const abs = path.resolve(absIn);
    this.trees.forget(abs);
    const root = this.paths.rootOf(abs);
    const kind = kindOf(abs);
    if (!root || !kind) return this.removeOne(abs);
    const detail = error instanceof Error ? error.message.split('\n')[0] ?? error.name : String(error);
    const rec: DiscoveredFile = { abs, root, rootIndex: Math.max(0, this.roots.indexOf(root)), rel: rel(root, abs), kind, size: 0, mtimeMs: 0 };
    const skip: SkippedFile = { file: rec.rel, root: rec.rootIndex, reason: 'analysis-error', detail };
    this.states.set(abs, { rec, skip, lines: 0, pre: null, text: null, fromEditor: false, facts: null, pkg: null, usage: new Map() });
    this.invalidateAll();
    return true;
  }

  private removeOne(abs: string): boolean {
    this.trees.forget(abs);
    const prev = this.states.get(abs);
    if (!prev) return false;
    this.states.delete(abs);
    this.cacheDirty = true;
    this.linked = null;
    this.reusable = null;
    this.afterChange(abs, prev, null);
    return true;
  }

  /** Removes a file, or every file under a removed directory. */
  removeFile(absIn: string): boolean {
    const abs = path.resolve(absIn);
    if (this.states.has(abs)) return this.removeOne(abs);
    const prefix = abs + path.sep;
    let any = false;
    for (const k of [...this.states.keys()]) if (k.startsWith(prefix)) any = this.removeOne(k) || any;
    return any;
  }

  /** Adds every analyzable file under a directory (after a directory rename or creation). */
  addDirectory(absIn: string): void {
    const abs = path.resolve(absIn);
    const root = this.paths.rootOf(abs);
    if (!root || this.paths.isIgnored(abs)) return;
    const exclude = this.options.perRoot?.[this.roots.indexOf(root)]?.exclude ?? this.options.exclude;
    const { files } = walkRoots([abs], { exclude, maxFileBytes: Number.MAX_SAFE_INTEGER });
    for (const f of files) this.updateFile(f.abs);
  }
}

/** Is a cached whole result still the workspace's: the walk skipped the same files, and every file read
 *  besides the indexed ones (tsconfig `paths`) reads the same? (The indexed files were checked before.) */
function reusableWhole(whole: CachedResult | null, walkSkipped: SkippedFile[]): boolean {
  return !!whole && JSON.stringify(whole.walkSkipped) === JSON.stringify(walkSkipped) && ExternalInputs.unchanged(whole.external);
}

/** Do two prefilter results name the same imports, re-exports and Fastify decorations (what other files'
 *  inclusion and resolution depend on)? */
function sameLinks(a: PrefilterInfo | null, b: PrefilterInfo | null): boolean {
  const same = (x: readonly string[] | undefined, y: readonly string[] | undefined): boolean =>
    (x?.length ?? 0) === (y?.length ?? 0) && (x ?? []).every((v, i) => v === y?.[i]);
  return same(a?.importSpecs, b?.importSpecs) && same(a?.reexportSpecs, b?.reexportSpecs) && same(a?.decorates, b?.decorates) && same(a?.decoUses, b?.decoUses) && !!a?.writesHint === !!b?.writesHint;
}
