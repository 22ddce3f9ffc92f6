// Client of the analysis worker: spawns dist/analysisWorker.js (path given by the caller), sends typed
// requests, resolves their answers, forwards progress, supports cancellation and disposal.
import { Worker } from 'node:worker_threads';
import { rememberDiagram } from '../render/diagramOf';
import type { WorkerResultResponse } from './runtime/workerProtocol';
import type { AnalysisOptions, AnalysisResult } from './types';
import type { AnalysisDelta, InitTimings } from './runtime/incremental';
import { BOOT_SOURCE, WRITE_CODE_CACHE } from './runtime/codeCache';
import type { BootData } from './runtime/codeCache';
import type { WorkerAnalysisOptions, WorkerRequest, WorkerResponse } from './runtime/workerProtocol';

export interface WorkerClientOptions {
  /** Absolute path of the bundled worker script (dist/analysisWorker.js). */
  scriptPath: string;
  /** Extra Node flags for the worker (e.g. `--import tsx` when running the TypeScript entry in tests). */
  execArgv?: string[];
  onProgress?: (done: number, total: number) => void;
  /** Start through the code-cache bootstrap (runtime/codeCache.ts) with this cache file. */
  codeCacheFile?: string;
  /** Messages of the worker's own doings (the persistent cache written). */
  onLog?: (message: string) => void;
}

interface Pending {
  resolve: (v: WorkerResponse) => void;
  reject: (e: Error) => void;
}

/** Distributes `Omit` over the request union so each variant keeps its own fields. */
type RequestBody = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

export class AnalysisWorkerClient {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private disposed = false;
  private exitError: Error | null = null;
  /** When the thread was asked for and when it started running (its bundle then loads and compiles). */
  readonly startedAt = performance.now();
  onlineAt: number | null = null;
  /** Timings the worker reported with its last `initialize` answer. */
  lastTimings: InitTimings | null = null;

  constructor(private readonly opts: WorkerClientOptions) {
    const common = { resourceLimits: { maxYoungGenerationSizeMb: 64 }, ...(opts.execArgv ? { execArgv: opts.execArgv } : {}) };
    const boot: BootData | null = opts.codeCacheFile ? { script: opts.scriptPath, cacheFile: opts.codeCacheFile } : null;
    this.worker = boot ? new Worker(BOOT_SOURCE, { ...common, eval: true, workerData: { eaBoot: boot } }) : new Worker(opts.scriptPath, common);
    this.worker.once('online', () => (this.onlineAt = performance.now()));
    this.worker.on('message', (msg: WorkerResponse) => this.onMessage(msg));
    this.worker.on('error', (err) => this.failAll(err));
    this.worker.on('exit', (code) => {
      if (!this.disposed) this.failAll(new Error(`analysis worker exited with code ${code}`));
    });
  }

  private onMessage(msg: WorkerResponse): void {
    if (msg.type === 'progress') {
      this.opts.onProgress?.(msg.done, msg.total);
      return;
    }
    if (msg.type === 'log') {
      this.opts.onLog?.(msg.message);
      return;
    }
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    p.resolve(msg);
  }

  private failAll(err: Error): void {
    this.exitError = err;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  private request(body: RequestBody, signal?: AbortSignal): Promise<WorkerResponse> {
    if (this.disposed) return Promise.reject(new Error('analysis worker disposed'));
    if (this.exitError) return Promise.reject(this.exitError);
    const id = this.nextId++;
    return new Promise<WorkerResponse>((resolve, reject) => {
      // One session signal serves every request: each request's listener goes when it settles.
      let detach = (): void => undefined;
      this.pending.set(id, {
        resolve: (v) => {
          detach();
          resolve(v);
        },
        reject: (e) => {
          detach();
          reject(e);
        },
      });
      if (signal) {
        const onAbort = (): void => this.worker.postMessage({ id: this.nextId++, type: 'cancel', target: id } satisfies WorkerRequest);
        if (signal.aborted) onAbort();
        else {
          signal.addEventListener('abort', onAbort, { once: true });
          detach = () => signal.removeEventListener('abort', onAbort);
        }
      }
      this.worker.postMessage({ ...body, id } as WorkerRequest);
    });
  }

  private static unwrapResult(r: WorkerResponse): AnalysisResult {
    if (r.type !== 'result') throw AnalysisWorkerClient.failure(r);
    const { diagram } = r as WorkerResultResponse;
    if (diagram) rememberDiagram(r.result, diagram);
    return r.result;
  }

  private static unwrapDelta(r: WorkerResponse): AnalysisDelta {
    if (r.type === 'delta') return r.delta;
    throw AnalysisWorkerClient.failure(r);
  }

  private static failure(r: WorkerResponse): Error {
    if (r.type === 'cancelled') {
      const e = new Error('Analysis cancelled');
      e.name = 'AbortError';
      return e;
    }
    return new Error(r.type === 'error' ? r.message : `unexpected worker answer ${r.type}`);
  }

  async initialize(roots: string[], options: AnalysisOptions = {}, signal?: AbortSignal): Promise<AnalysisResult> {
    const { signal: _s, onProgress: _p, onCache: _c, ...rest } = options;
    const opts: WorkerAnalysisOptions = rest;
    const answer = await this.request({ type: 'initialize', roots, options: opts }, signal ?? options.signal);
    if (answer.type === 'result') this.lastTimings = answer.timings ?? null;
    return AnalysisWorkerClient.unwrapResult(answer);
  }

  /** Asks a worker started with `codeCacheFile` to write its code cache (once; after the first index). */
  writeCodeCache(): void {
    if (this.opts.codeCacheFile && !this.disposed && !this.exitError) this.worker.postMessage(WRITE_CODE_CACHE);
  }

  async result(): Promise<AnalysisResult> {
    return AnalysisWorkerClient.unwrapResult(await this.request({ type: 'result' }));
  }

  async updateFile(path: string, text?: string, signal?: AbortSignal): Promise<AnalysisDelta> {
    return AnalysisWorkerClient.unwrapDelta(await this.request(text === undefined ? { type: 'updateFile', path } : { type: 'updateFile', path, text }, signal));
  }

  async removeFile(path: string, signal?: AbortSignal): Promise<AnalysisDelta> {
    return AnalysisWorkerClient.unwrapDelta(await this.request({ type: 'removeFile', path }, signal));
  }

  async renameFile(from: string, to: string, signal?: AbortSignal): Promise<AnalysisDelta> {
    return AnalysisWorkerClient.unwrapDelta(await this.request({ type: 'renameFile', from, to }, signal));
  }

  /** Stops the worker; pending requests are rejected. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    for (const p of this.pending.values()) p.reject(new Error('analysis worker disposed'));
    this.pending.clear();
    await this.worker.terminate();
  }
}
