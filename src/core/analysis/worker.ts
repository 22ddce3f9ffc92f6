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
        post({ id: req.id, type: 'result', result: await analyzer.initialize(signal) });
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
});
