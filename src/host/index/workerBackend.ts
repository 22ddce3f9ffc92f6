import * as vscode from 'vscode';
import { AnalysisWorkerClient } from '../../core/analysis/workerClient';
import type { AnalysisResult } from '../../core/analysis/types';
import type { Logger } from '../logger';
import { applyChanges } from './applyChanges';
import type { FileChange } from './changeBatcher';
import type { IndexBackend, IndexSettings } from './indexBackend';

/**
 * The production backend: one analysis worker thread (dist/analysisWorker.js) per index session, so
 * parsing never blocks the extension host. A storm of changes (branch switch) re-runs the cold
 * analysis inside the same worker, which reuses unchanged files' cached facts.
 */
export function createWorkerBackend(extensionUri: vscode.Uri, logger: Logger): IndexBackend {
  let progress: (done: number, total: number) => void = () => undefined;
  const client = new AnalysisWorkerClient({
    scriptPath: vscode.Uri.joinPath(extensionUri, 'dist', 'analysisWorker.js').fsPath,
    onProgress: (done, total) => progress(done, total),
  });
  let roots: string[] = [];
  let settings: IndexSettings = { exclude: [], maxFileBytes: 1024 * 1024 };

  return {
    async initialize(r, s, onProgress, signal): Promise<AnalysisResult> {
      roots = r;
      settings = s;
      progress = onProgress;
      return client.initialize(roots, { exclude: settings.exclude, maxFileBytes: settings.maxFileBytes }, signal);
    },
    async apply(changes: FileChange[], signal: AbortSignal): Promise<AnalysisResult> {
      const started = Date.now();
      const { result, failed } = await applyChanges(client, changes, signal, logger);
      logger.debug(`Re-indexed ${changes.length - failed.length} of ${changes.length} changed file(s) in ${Date.now() - started} ms`);
      return result;
    },
    dispose(): void {
      void client.dispose();
    },
  };
}
