// Worker-thread entry (bundled to dist/scanWorker.js): reads files for the cold scan alongside the thread
// that started it (see runtime/parallelScan.ts). Both threads claim batches of file indices from one shared
// counter, so neither waits on a fixed split; this one posts each file's state back with its index.
import { parentPort, workerData } from 'node:worker_threads';
import type { FileState } from './runtime/fileState';
import type { ScanWorkerData } from './runtime/parallelScan';
import { readNextBatch } from './runtime/parallelScan';

const data = workerData as ScanWorkerData;
const claims = new Int32Array(data.counter);
let out: [number, FileState][] = [];
while (readNextBatch(data.files, claims, data.maxBytes, (i, st) => out.push([i, st]), data.hash === true)) {
  if (out.length >= 256) {
    parentPort?.postMessage(out);
    out = [];
  }
}
parentPort?.postMessage(out);
parentPort?.postMessage('done');
