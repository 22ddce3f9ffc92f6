// Worker-thread entry (bundled to dist/scanWorker.js): reads files for the cold scan alongside the thread
// that started it (see runtime/parallelScan.ts). Both threads claim batches of file indices from one shared
// counter, so neither waits on a fixed split; this one posts each file's state back with its index.
import { parentPort, workerData } from 'node:worker_threads';
import { readFileState } from './runtime/fileState';
import type { FileState } from './runtime/fileState';
import type { ScanWorkerData } from './runtime/parallelScan';
import { SCAN_BATCH } from './runtime/parallelScan';

const data = workerData as ScanWorkerData;
const claims = new Int32Array(data.counter);
let out: [number, FileState][] = [];
for (;;) {
  const first = Atomics.add(claims, 0, SCAN_BATCH);
  if (first >= data.files.length) break;
  for (let i = first; i < Math.min(first + SCAN_BATCH, data.files.length); i++) {
    const rec = data.files[i];
    if (rec) out.push([i, readFileState(rec, null, data.maxBytes)]);
  }
  if (out.length >= 256) {
    parentPort?.postMessage(out);
    out = [];
  }
}
parentPort?.postMessage(out);
parentPort?.postMessage('done');
