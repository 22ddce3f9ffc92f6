// Typed messages between the analysis worker thread and its client (extension host, CLI).
import type { AnalysisOptions, AnalysisResult } from '../types';
import type { AnalysisDelta, InitTimings } from './incremental';

/** Options that can cross a thread boundary (no functions, no AbortSignal). */
export type WorkerAnalysisOptions = Omit<AnalysisOptions, 'signal' | 'onProgress' | 'onCache'>;

export type WorkerRequest =
  | { id: number; type: 'initialize'; roots: string[]; options: WorkerAnalysisOptions }
  | { id: number; type: 'updateFile'; path: string; text?: string }
  | { id: number; type: 'removeFile'; path: string }
  | { id: number; type: 'renameFile'; from: string; to: string }
  | { id: number; type: 'result' }
  | { id: number; type: 'cancel'; target: number };

export type WorkerResponse =
  | { id: number; type: 'result'; result: AnalysisResult; timings?: InitTimings }
  | { id: number; type: 'delta'; delta: AnalysisDelta }
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'cancelled' }
  | { id: number; type: 'error'; message: string }
  /** Something the worker did on its own (the persistent cache written): for the log, id 0. */
  | { id: number; type: 'log'; message: string };

export function isWorkerRequest(v: unknown): v is WorkerRequest {
  if (!v || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return typeof o.id === 'number' && typeof o.type === 'string';
}

/** A `result` as the worker sends it: with the result's flow diagram, rendered there so the extension host does not have to. */
export type WorkerResultResponse = Extract<WorkerResponse, { type: 'result' }> & { diagram?: import('../../render/mermaid').MermaidDiagram };
