import path from 'node:path';
import * as vscode from 'vscode';
import { AnalysisWorkerClient } from '../../core/analysis/workerClient';
import { codeCacheFileFor, pruneCodeCaches } from '../../core/analysis/runtime/codeCache';
import { cacheFileFor } from '../../core/analysis/runtime/persistentCache';
import { emptyWorkspaceResult } from '../../core/analysis/runtime/emptyWorkspace';
import { formatTimeline } from './timeline';
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
/** Where the extension keeps what outlives a window (absent: nothing is kept, e.g. no folder open). */
export interface BackendStorage {
  /** Per machine (`context.globalStorageUri`): the worker bundle's code cache. */
  globalDir?: string;
  /** Per workspace (`context.storageUri`): the persistent index cache. */
  workspaceDir?: string;
}

/** The code-cache folder was pruned in this extension host (once is enough). */
let codeCachesPruned = false;

export function createWorkerBackend(extensionUri: vscode.Uri, logger: Logger, storage: BackendStorage = {}): IndexBackend {
  let progress: (done: number, total: number) => void = () => undefined;
  const scriptPath = vscode.Uri.joinPath(extensionUri, 'dist', 'analysisWorker.js').fsPath;
  let pruneTimer: ReturnType<typeof setTimeout> | undefined;
  if (storage.globalDir && !codeCachesPruned) {
    codeCachesPruned = true;
    const current = codeCacheFileFor(storage.globalDir, scriptPath);
    // After the index started, off its path: older versions' caches are dead weight in the user's profile.
    pruneTimer = setTimeout(() => {
      try {
        const removed = pruneCodeCaches(current);
        if (removed.length) logger.info(`Removed ${removed.length} code cache file(s) of other versions`);
      } catch (error) {
        logger.debug(`Code caches not pruned: ${String(error)}`);
      }
    }, 10_000);
  }
  const client = new AnalysisWorkerClient({
    scriptPath,
    onProgress: (done, total) => progress(done, total),
    onLog: (message) => logger.info(message),
    ...(storage.globalDir ? { codeCacheFile: codeCacheFileFor(storage.globalDir, scriptPath) } : {}),
  });
  let roots: string[] = [];
  let answeredEmpty = false;
  let settings: IndexSettings = { exclude: [], maxFileBytes: 1024 * 1024 };

  return {
    async initialize(r, s, onProgress, signal): Promise<AnalysisResult> {
      roots = r;
      settings = s;
      progress = onProgress;
      const cacheFile = storage.workspaceDir ? cacheFileFor(path.join(storage.workspaceDir, 'index-cache'), { roots, maxBytes: settings.maxFileBytes, exclude: settings.exclude, ...(settings.perRoot ? { perRoot: settings.perRoot } : {}) }) : undefined;
      const init = client.initialize(roots, { exclude: settings.exclude, maxFileBytes: settings.maxFileBytes, ...(settings.perRoot ? { perRoot: settings.perRoot } : {}), ...(cacheFile ? { cacheFile } : {}) }, signal);
      // Nothing to analyze: answered at once. The worker still starts (the user's next files go to it;
      // its requests queue behind this initialization) and a failure of it is logged, not lost.
      const empty = emptyWorkspaceResult(roots);
      if (empty) {
        answeredEmpty = true;
        init.then(
          () => client.writeCodeCache(),
          (error: unknown) => !signal.aborted && logger.error('The analysis worker failed to start', error),
        );
        return empty;
      }
      const result = await init;
      client.writeCodeCache();
      return result;
    },
    timeline(): string {
      if (answeredEmpty) return 'nothing to analyze: answered without waiting for the worker';
      return formatTimeline(client.startedAt, client.onlineAt, client.lastTimings);
    },
    async apply(changes: FileChange[], signal: AbortSignal): Promise<AnalysisResult> {
      const started = Date.now();
      const { result, failed } = await applyChanges(client, changes, signal, logger);
      logger.debug(`Re-indexed ${changes.length - failed.length} of ${changes.length} changed file(s) in ${Date.now() - started} ms`);
      return result;
    },
    dispose(): void {
      clearTimeout(pruneTimer);
      void client.dispose();
    },
  };
}
