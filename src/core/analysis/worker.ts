// Worker-thread entry (bundled to dist/analysisWorker.js): runs one IncrementalAnalyzer and answers typed
// requests. Requests run one at a time in arrival order; `cancel` aborts the running or a queued request.
import { parentPort } from 'node:worker_threads';
import { flowDiagramOf } from '../render/diagramOf';
import { IncrementalAnalyzer } from './runtime/incremental';
import { idleCollector } from './runtime/idleGc';
import type { WorkerRequest, WorkerResponse, WorkerResultResponse } from './runtime/workerProtocol';
import { isWorkerRequest } from './runtime/workerProtocol';

const port = parentPort;
let analyzer: IncrementalAnalyzer | null = null;
const controllers = new Map<number, AbortController>();
let chain: Promise<void> = Promise.resolve();
/** After edits, the persistent cache is written once they pause (the next session then starts from them). */
const SAVE_AFTER_EDITS_MS = 3000;
let saveTimer: ReturnType<typeof setTimeout> | undefined;

function post(msg: WorkerResponse): void {
  // A result goes out with its flow diagram, summarised here once per result rather than on the host.
  port?.postMessage(msg.type === 'result' ? ({ ...msg, diagram: flowDiagramOf(msg.result) } satisfies WorkerResultResponse) : msg);
}

async function handle(req: WorkerRequest, signal: AbortSignal): Promise<void> {
  if (signal.aborted) {
    post({ id: req.id, type: 'cancelled' });
    return;
  }
  try {
    switch (req.type) {
      case 'initialize': {
        const collectGarbage = idleCollector();
        analyzer = new IncrementalAnalyzer(req.roots, {
          ...req.options,
          ...(collectGarbage ? { collectGarbage } : {}),
          onProgress: (done, total) => {
            if (done === total || done % 250 === 0) post({ id: req.id, type: 'progress', done, total });
          },
        });
        const result = await analyzer.initialize(signal);
        const boot = (globalThis as { eaCodeCache?: { state: string; compileMs: number } }).eaCodeCache;
        const timings = analyzer.initTimings ? { ...analyzer.initTimings, ...(boot ? { boot } : {}) } : undefined;
        post({ id: req.id, type: 'result', result, ...(timings ? { timings } : {}) });
        // After the answer, never before it: the first result is what the user waits for. A result taken
        // whole from the cache is then linked for real, so the first edit is as quick as usual.
        const settled = analyzer;
        chain = chain.then(async () => {
          if (analyzer !== settled) return;
          try {
            if (!(await settled.settle())) post({ id: 0, type: 'log', message: 'Index cache: the cached result differed from a fresh link; the fresh one is used from the next change on' });
          } catch (e) {
            post({ id: 0, type: 'log', message: `Index cache: linking after the cached result failed: ${(e as Error).message}` });
          }
        });
        scheduleSave(0);
        return;
      }
      case 'result':
        post({ id: req.id, type: 'result', result: requireAnalyzer().result() });
        return;
      case 'updateFile':
        post({ id: req.id, type: 'delta', delta: await requireAnalyzer().updateFile(req.path, req.text, signal) });
        return;
      case 'removeFile':
        post({ id: req.id, type: 'delta', delta: await requireAnalyzer().removeFile(req.path, signal) });
        return;
      case 'renameFile':
        post({ id: req.id, type: 'delta', delta: await requireAnalyzer().renameFile(req.from, req.to, signal) });
        return;
      default:
        return;
    }
  } catch (e) {
    const err = e as Error;
    if (err.name === 'AbortError') post({ id: req.id, type: 'cancelled' });
    else post({ id: req.id, type: 'error', message: err.message });
  }
}

/** Writes the persistent cache in the queue of requests (never in the middle of an update). */
function scheduleSave(delayMs: number): void {
  if (saveTimer) clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    saveTimer = undefined;
    chain = chain.then(() => {
      const current = analyzer;
      if (!current) return;
      try {
        const what = current.saveCache();
        if (what !== 'off') post({ id: 0, type: 'log', message: `Index cache ${what}` });
      } catch (e) {
        post({ id: 0, type: 'log', message: `Index cache not written: ${(e as Error).message}` });
      }
    });
  }, delayMs);
}

function requireAnalyzer(): IncrementalAnalyzer {
  if (!analyzer) throw new Error('the analyzer is not initialized');
  return analyzer;
}

port?.on('message', (msg: unknown) => {
  if (!isWorkerRequest(msg)) return;
  if (msg.type === 'cancel') {
    controllers.get(msg.target)?.abort();
    return;
  }
  const ctrl = new AbortController();
  controllers.set(msg.id, ctrl);
  chain = chain.then(() => handle(msg, ctrl.signal)).finally(() => controllers.delete(msg.id));
  if (msg.type === 'updateFile' || msg.type === 'removeFile' || msg.type === 'renameFile') scheduleSave(SAVE_AFTER_EDITS_MS);
});
