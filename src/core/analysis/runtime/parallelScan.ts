// The cold scan (read, guards, prefilter of every file) on two threads. On a large workspace it is a third
// of the cold analysis and needs nothing from other files, so a second thread (scanWorker.ts) takes half of
// it: both claim batches of indices from one shared counter, which balances the work without a fixed split.
// A worker that cannot start or fails leaves its files to this thread, so the result never depends on it.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DiscoveredFile } from '../discovery/walk';
import { throwIfAborted } from '../discovery/walk';
import type { FileState } from './fileState';
import { readFileState } from './fileState';

/** Files claimed at a time: small enough to balance, large enough that the counter is rarely contended. */
const SCAN_BATCH = 16;

/** Below this many files a second thread costs more to start (~30 ms) than it saves. */
export const PARALLEL_SCAN_MIN_FILES = 1500;

/** Longest stretch of reading between two yields to the event loop (worker messages, cancellation). */
const YIELD_EVERY_MS = 8;

/** The size cap: one for every file, or one per root (index-aligned with the roots, by `rootIndex`). */
export type ScanMaxBytes = number | readonly number[];

function capOf(maxBytes: ScanMaxBytes, rec: DiscoveredFile): number {
  return typeof maxBytes === 'number' ? maxBytes : (maxBytes[rec.rootIndex] ?? Math.max(...maxBytes));
}

export interface ScanWorkerData {
  files: DiscoveredFile[];
  maxBytes: ScanMaxBytes;
  counter: SharedArrayBuffer;
  /** Hash each file's bytes (the persistent cache is on). */
  hash?: boolean;
}

/**
 * Claims the next batch of file indices from the shared counter and reads those files, handing each state to
 * `take`; false once every file has been claimed. Both threads run this loop.
 */
export function readNextBatch(files: DiscoveredFile[], claims: Int32Array, maxBytes: ScanMaxBytes, take: (i: number, st: FileState) => void, hash = false): boolean {
  const first = Atomics.add(claims, 0, SCAN_BATCH);
  if (first >= files.length) return false;
  const end = Math.min(first + SCAN_BATCH, files.length);
  for (let i = first; i < end; i++) {
    const rec = files[i];
    if (rec) take(i, readFileState(rec, null, capOf(maxBytes, rec), hash));
  }
  return true;
}

/** The scan worker bundled next to this code (dist/, the bench's bundle folder); null when unbundled. */
export function defaultScanWorkerFile(): string | null {
  if (typeof __dirname === 'undefined') return null;
  const file = path.join(__dirname, 'scanWorker.js');
  return fs.existsSync(file) ? file : null;
}

export interface ScanResult {
  /** Every file's state, in `files` order. */
  states: FileState[];
  /** How many of them the worker read (0 when it failed to start). */
  fromWorker: number;
}

/** Reads every file's state on this thread and a scan worker. */
export async function parallelScan(
  files: DiscoveredFile[],
  maxBytes: ScanMaxBytes,
  workerFile: string,
  signal: AbortSignal | undefined,
  onProgress?: (done: number, total: number) => void,
  hash = false,
): Promise<ScanResult> {
  const counter = new SharedArrayBuffer(4);
  const claims = new Int32Array(counter);
  const states: (FileState | undefined)[] = new Array<FileState | undefined>(files.length);
  let fromWorker = 0;
  let worker: Worker | null = null;
  try {
    worker = new Worker(workerFile, { workerData: { files, maxBytes, counter, hash } satisfies ScanWorkerData });
  } catch {
    worker = null;
  }
  const workerDone = new Promise<void>((resolve) => {
    if (!worker) {
      resolve();
      return;
    }
    worker.on('message', (msg: unknown) => {
      if (msg === 'done') resolve();
      else if (Array.isArray(msg)) {
        for (const [i, st] of msg as [number, FileState][]) states[i] = st;
        fromWorker += msg.length;
      }
    });
    worker.once('error', () => resolve());
    worker.once('exit', () => resolve());
  });
  try {
    let lastYield = performance.now();
    const take = (i: number, st: FileState): void => {
      states[i] = st;
    };
    while (readNextBatch(files, claims, maxBytes, take, hash)) {
      if (performance.now() - lastYield > YIELD_EVERY_MS) {
        throwIfAborted(signal);
        onProgress?.(Math.min(Atomics.load(claims, 0), files.length), files.length);
        await new Promise((r) => setImmediate(r));
        lastYield = performance.now();
      }
    }
    await workerDone;
    throwIfAborted(signal);
  } finally {
    await worker?.terminate();
  }
  // Files the worker claimed but never reported (it failed): read here.
  const out = files.map((rec, i) => states[i] ?? readFileState(rec, null, capOf(maxBytes, rec), hash));
  onProgress?.(files.length, files.length);
  return { states: out, fromWorker };
}
