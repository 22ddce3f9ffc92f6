// Public API of the analyzer engine. The CLI, the bench and the extension host import only from here.
//   analyze(roots, options)        one cold, in-process analysis
//   IncrementalAnalyzer            keeps per-file facts and re-links after each edit (equals a cold run)
//   AnalysisWorkerClient           runs an IncrementalAnalyzer in one worker thread (dist/analysisWorker.js)
export * from './types';
export { analyze } from './runtime/analyze';
export { IncrementalAnalyzer } from './runtime/incremental';
export type { AnalysisDelta } from './runtime/incremental';
export { AnalysisWorkerClient } from './workerClient';
export type { WorkerClientOptions } from './workerClient';
export type { WorkerRequest, WorkerResponse } from './runtime/workerProtocol';
export { matchesChannel } from './link/wildcards';
