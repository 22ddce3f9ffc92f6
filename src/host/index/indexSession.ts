import * as vscode from 'vscode';
import type { AnalysisResult } from '../../core/analysis/types';
import type { Logger } from '../logger';
import { DisposableStore } from '../util/disposableStore';
import { analysisErrorChanges } from './applyChanges';
import { ChangeBatcher } from './changeBatcher';
import type { FileChange } from './changeBatcher';
import type { IndexBackend, IndexSettings } from './indexBackend';
import { INDEXED_GLOB, isIndexedPath } from './indexedFiles';

const STORM_THRESHOLD = 500;

export interface IndexSessionEvents {
  onProgress(done: number, total: number): void;
  onResult(result: AnalysisResult, reason: 'initial' | 'update'): void;
  onError(error: unknown): void;
}

/**
 * One index of the open folders: a worker, a file watcher and the editor's unsaved text, all owned by
 * this session's store. Re-indexing or a change of folders disposes the whole session at once.
 */
export class IndexSession implements vscode.Disposable {
  private readonly store = new DisposableStore();
  private readonly abort = new AbortController();
  private readonly batcher: ChangeBatcher;
  private ready = false;
  private queue: Promise<void> = Promise.resolve();
  private lastResult: AnalysisResult | undefined;

  constructor(
    private readonly roots: string[],
    private readonly settings: IndexSettings,
    private readonly backend: IndexBackend,
    private readonly logger: Logger,
    private readonly events: IndexSessionEvents,
  ) {
    this.store.add({ dispose: () => this.abort.abort() });
    this.store.add({ dispose: () => backend.dispose() });
    this.batcher = new ChangeBatcher({ delayMs: 250, maxWaitMs: 1000, stormThreshold: STORM_THRESHOLD, flush: (changes, storm) => this.flush(changes, storm) });
    this.store.add({ dispose: () => this.batcher.dispose() });

    const watcher = this.store.add(vscode.workspace.createFileSystemWatcher(INDEXED_GLOB));
    this.store.add(watcher.onDidCreate((uri) => this.onDisk(uri)));
    this.store.add(watcher.onDidChange((uri) => this.onDisk(uri)));
    this.store.add(watcher.onDidDelete((uri) => this.batcher.push({ type: 'delete', path: uri.fsPath })));
    // Unsaved edits count: the flows follow what the user types, and closing without saving reverts.
    this.store.add(vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e.document)));
    this.store.add(vscode.workspace.onDidCloseTextDocument((doc) => this.isIndexed(doc.uri) && this.batcher.push({ type: 'update', path: doc.uri.fsPath })));
  }

  async start(): Promise<void> {
    const started = Date.now();
    try {
      const result = await this.backend.initialize(this.roots, this.settings, (d, t) => this.events.onProgress(d, t), this.abort.signal);
      if (this.abort.signal.aborted) return;
      this.ready = true;
      this.logger.info(
        `Indexed ${result.stats.filesSeen} files (${result.stats.filesParsed} parsed, ${result.skipped.length} skipped) in ${Date.now() - started} ms: ${result.detections.length} detections, ${result.flows.length} flows`,
      );
      for (const s of result.skipped.slice(0, 50)) this.logger.info(`Skipped ${s.file}: ${s.reason} (${s.detail})`);
      this.lastResult = result;
      this.events.onResult(result, 'initial');
      this.batcher.flushNow();
    } catch (error) {
      if (!this.abort.signal.aborted) this.events.onError(error);
    }
  }

  private isIndexed(uri: vscode.Uri): boolean {
    if (uri.scheme !== 'file' || !isIndexedPath(uri.fsPath)) return false;
    return this.roots.some((root) => uri.fsPath === root || uri.fsPath.startsWith(root.endsWith('/') ? root : `${root}/`) || uri.fsPath.startsWith(`${root}\\`));
  }

  private onDisk(uri: vscode.Uri): void {
    if (!this.isIndexed(uri)) return;
    // A dirty editor holds the newer text; its change events already cover it.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open?.isDirty) return;
    this.batcher.push({ type: 'update', path: uri.fsPath });
  }

  private onEdit(document: vscode.TextDocument): void {
    if (!this.isIndexed(document.uri)) return;
    this.batcher.push({ type: 'update', path: document.uri.fsPath, text: document.getText() });
  }

  private flush(changes: FileChange[], storm: boolean): void {
    // Before the first result the cold run will read the disk anyway; keep the edits for after it.
    if (!this.ready) {
      for (const c of changes) this.batcher.push(c);
      return;
    }
    this.queue = this.queue.then(async () => {
      if (this.abort.signal.aborted) return;
      try {
        if (storm) this.logger.info(`Applying ${changes.length} file changes at once (branch switch or bulk edit)`);
        const result = await this.backend.apply(changes, this.abort.signal);
        if (this.abort.signal.aborted) return;
        for (const line of analysisErrorChanges(this.lastResult, result)) this.logger.warn(line);
        this.lastResult = result;
        this.events.onResult(result, 'update');
      } catch (error) {
        if (!this.abort.signal.aborted) this.events.onError(error);
      }
    });
  }

  dispose(): void {
    this.store.dispose();
  }
}
