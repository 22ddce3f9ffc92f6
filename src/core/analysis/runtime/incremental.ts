// Incremental analysis: keeps per-file facts and link results; each update re-reads one file, re-links
// what can have changed and reports the changed detections and flows. After any sequence of updates the
// result equals a cold run over the same files.
import fs from 'node:fs';
import path from 'node:path';
import type { AnalysisOptions, AnalysisResult, Detection, Flow } from '../types';
import { Engine } from './engine';
import type { ScanTimings } from './scanTimings';

/** Where the cold run's time went (see scanTimings.ts), for the extension's timeline log line. */
export interface InitTimings extends ScanTimings {
  linkMs: number;
  parseMs: number;
  parsed: number;
  /** Time spent initializing TypeScript in this thread during the run (0: nothing was parsed). */
  typescriptMs: number;
  totalMs: number;
  /** The worker's start through the code-cache bootstrap: whether cached code was used, compile time. */
  boot?: { state: string; compileMs: number };
}

export interface AnalysisDelta {
  /** Detections that are new or changed (same id, different content). */
  upserted: Detection[];
  /** Ids of detections that disappeared. */
  removed: string[];
  /** Flows that are new or changed. */
  flowsUpserted: Flow[];
  /** Ids of flows that disappeared. */
  flowsRemoved: string[];
  durationMs: number;
}

export class IncrementalAnalyzer {
  private engine: Engine;
  private current: AnalysisResult | null = null;
  private detectionsById = new Map<string, Detection>();
  private flowsById = new Map<string, string>();
  private collectPending = false;
  /** Timings of the last `initialize()`. */
  initTimings: InitTimings | null = null;

  constructor(
    private readonly roots: string[],
    private readonly options: AnalysisOptions = {},
  ) {
    this.engine = new Engine(roots, options);
  }

  async initialize(signal?: AbortSignal): Promise<AnalysisResult> {
    const started = performance.now();
    this.engine = new Engine(this.roots, this.options);
    const tsBefore = this.engine.typescriptMs;
    await this.engine.scanAll(signal ?? this.options.signal);
    const linkStarted = performance.now();
    await this.relink(signal);
    const result = this.result();
    result.stats.durationMs = Math.round(performance.now() - started);
    const e = this.engine;
    this.initTimings = {
      ...e.timings,
      linkMs: performance.now() - linkStarted,
      parseMs: e.parseMs,
      parsed: e.parsedCount,
      typescriptMs: e.typescriptMs - tsBefore,
      totalMs: performance.now() - started,
    };
    return result;
  }

  /**
   * After `initialize()` took the whole result from the persistent cache: links for real, so the first edit
   * finds the per-file link results in place. Returns false if that result differs from the cached one
   * (which would be a bug of the cache's checks; the fresh result is current from then on).
   */
  async settle(signal?: AbortSignal): Promise<boolean> {
    if (!this.engine.wholeReused) return true;
    this.engine.wholeReused = false;
    this.engine.forgetLinkResult();
    const delta = await this.relink(signal);
    return delta.upserted.length === 0 && delta.removed.length === 0 && delta.flowsUpserted.length === 0 && delta.flowsRemoved.length === 0;
  }

  /** Writes the persistent cache (when configured and something changed); says what it did. */
  saveCache(): string {
    return this.engine.saveCache();
  }

  result(): AnalysisResult {
    if (!this.current) throw new Error('IncrementalAnalyzer.initialize() has not completed');
    return this.current;
  }

  /** A file was created or changed (on disk, or `text` from an unsaved editor buffer). */
  async updateFile(absPath: string, text?: string, signal?: AbortSignal): Promise<AnalysisDelta> {
    const started = performance.now();
    let changed: boolean;
    try {
      changed = this.readUpdate(absPath, text);
    } catch (error) {
      // A bug on this file's content must not stop the index: the file is skipped with the error.
      changed = this.engine.markFailed(absPath, error);
    }
    if (path.basename(absPath) === '.gitignore') return this.rescan(signal, started);
    return changed ? this.relinkSkippingOnFailure(absPath, signal, started) : emptyDelta(started);
  }

  private readUpdate(absPath: string, text: string | undefined): boolean {
    let isDirectory = false;
    try {
      isDirectory = fs.statSync(absPath).isDirectory();
    } catch {
      // Deleted or never saved (an editor buffer): the engine decides from the text.
    }
    if (!isDirectory) return this.engine.updateFile(absPath, text);
    this.engine.addDirectory(absPath);
    return true;
  }

  /** Links after an update of `absPath`; if that throws, links again without the file, and as a last
   *  resort rebuilds from the disk, so one file's bad state never leaves the whole index failing. */
  private async relinkSkippingOnFailure(absPath: string, signal: AbortSignal | undefined, started: number): Promise<AnalysisDelta> {
    try {
      return await this.relink(signal, started);
    } catch (error) {
      if (isAbort(error)) throw error;
      this.engine.markFailed(absPath, error);
    }
    try {
      return await this.relink(signal, started);
    } catch (error) {
      if (isAbort(error)) throw error;
    }
    return this.rescan(signal, started);
  }

  async removeFile(absPath: string, signal?: AbortSignal): Promise<AnalysisDelta> {
    const started = performance.now();
    if (path.basename(absPath) === '.gitignore') return this.rescan(signal, started);
    return this.engine.removeFile(absPath) ? this.relink(signal, started) : emptyDelta(started);
  }

  async renameFile(from: string, to: string, signal?: AbortSignal): Promise<AnalysisDelta> {
    const started = performance.now();
    const removed = this.engine.removeFile(from);
    let added: boolean;
    try {
      if (fs.statSync(to).isDirectory()) {
        this.engine.addDirectory(to);
        added = true;
      } else added = this.engine.updateFile(to);
    } catch {
      added = false;
    }
    return removed || added ? this.relink(signal, started) : emptyDelta(started);
  }

  /** A .gitignore changed: what is analyzed may change anywhere, so rescan (facts are re-extracted). */
  private async rescan(signal: AbortSignal | undefined, started: number): Promise<AnalysisDelta> {
    this.engine = new Engine(this.roots, this.options);
    await this.engine.scanAll(signal);
    return this.relink(signal, started);
  }

  private async relink(signal?: AbortSignal, started = performance.now()): Promise<AnalysisDelta> {
    const { result } = await this.engine.link(signal);
    const delta: AnalysisDelta = { upserted: [], removed: [], flowsUpserted: [], flowsRemoved: [], durationMs: 0 };
    const nextDet = new Map<string, Detection>();
    for (const d of result.detections) {
      nextDet.set(d.id, d);
      // Unchanged files keep their cached detection objects, so identity settles most comparisons.
      const prev = this.detectionsById.get(d.id);
      if (prev !== d && (!prev || !sameDetection(prev, d))) delta.upserted.push(d);
    }
    for (const id of this.detectionsById.keys()) if (!nextDet.has(id)) delta.removed.push(id);
    const nextFlows = new Map<string, string>();
    for (const f of result.flows) {
      const key = `${f.producers.join(',')}|${f.consumers.join(',')}`;
      nextFlows.set(f.id, key);
      if (this.flowsById.get(f.id) !== key) delta.flowsUpserted.push(f);
    }
    for (const id of this.flowsById.keys()) if (!nextFlows.has(id)) delta.flowsRemoved.push(id);
    this.detectionsById = nextDet;
    this.flowsById = nextFlows;
    this.current = result;
    delta.durationMs = Math.round((performance.now() - started) * 100) / 100;
    this.collectWhenIdle();
    return delta;
  }

  /** After the caller has the delta, once: the garbage of this update is collected before the next one. */
  private collectWhenIdle(): void {
    const collect = this.options.collectGarbage;
    if (!collect || this.collectPending) return;
    this.collectPending = true;
    setImmediate(() => {
      this.collectPending = false;
      collect();
    });
  }
}

/** Do two detections of the same id agree on every field that can change while the id stays? Compared
 *  field by field: a re-linked file's detections are all new objects, so this runs for each of them. */
function sameDetection(a: Detection, b: Detection): boolean {
  return (
    a.channel === b.channel && a.channelIsPattern === b.channelIsPattern && a.library === b.library && a.broker === b.broker &&
    a.role === b.role && a.enclosingFunction === b.enclosingFunction && a.service === b.service && a.snippet === b.snippet &&
    a.endLine === b.endLine && a.endColumn === b.endColumn && (a.routingKey ?? null) === (b.routingKey ?? null) && a.root === b.root
  );
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

function emptyDelta(started: number): AnalysisDelta {
  return { upserted: [], removed: [], flowsUpserted: [], flowsRemoved: [], durationMs: Math.round((performance.now() - started) * 100) / 100 };
}
