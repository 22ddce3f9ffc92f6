import * as vscode from 'vscode';
import type { AnalysisResult } from '../../core/analysis/types';
import type { IndexStatus } from '../../protocol/messages';
import { COMMANDS } from '../ids';
import type { Logger } from '../logger';
import { DisposableStore } from '../util/disposableStore';
import type { IndexBackend } from './indexBackend';
import { IndexSession } from './indexSession';
import { affectsIndexSettings, readIndexSettings } from './indexSettings';

export type BackendFactory = () => IndexBackend;

/**
 * Owns the index lifecycle at extension scope: it starts a session lazily (first view shown or a
 * command that needs flows — never at activation), replaces it on re-index, folder or setting changes,
 * and reports progress in the status bar.
 */
export class IndexManager implements vscode.Disposable {
  private readonly store = new DisposableStore();
  private session: IndexSession | undefined;
  private readonly resultEmitter = this.store.add(new vscode.EventEmitter<AnalysisResult>());
  private readonly statusEmitter = this.store.add(new vscode.EventEmitter<IndexStatus>());
  readonly onDidChangeResult = this.resultEmitter.event;
  readonly onDidChangeStatus = this.statusEmitter.event;
  private readonly statusItem: vscode.StatusBarItem;
  private lastResult: AnalysisResult | undefined;
  private currentStatus: IndexStatus = { state: 'idle' };
  private generation = 0;
  private shownAt: number | undefined;
  private pendingTimeline: { shownAt: number; line: string } | undefined;

  constructor(
    private readonly createBackend: BackendFactory,
    private readonly logger: Logger,
  ) {
    this.statusItem = this.store.add(vscode.window.createStatusBarItem('eventArchitect.index', vscode.StatusBarAlignment.Left, 10));
    this.statusItem.name = 'Event Architect Index';
    this.store.add(vscode.workspace.onDidChangeWorkspaceFolders(() => this.session && this.reindex()));
    this.store.add(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (this.session && affectsIndexSettings(e, vscode.workspace.workspaceFolders ?? [])) void this.reindex();
      }),
    );
    this.store.add({ dispose: () => this.session?.dispose() });
  }

  get result(): AnalysisResult | undefined {
    return this.lastResult;
  }

  get status(): IndexStatus {
    return this.currentStatus;
  }

  get started(): boolean {
    return this.session !== undefined;
  }

  /** Starts indexing unless a session already exists. Cheap to call from any view or command.
   *  `shownAt`: when the view that asks was shown (performance.now()), for the timeline in the log. */
  ensureStarted(shownAt?: number): void {
    if (!this.session) {
      this.shownAt = shownAt ?? performance.now();
      void this.reindex();
    }
  }

  /** The views took the first result in `ms`: completes the timeline log line of the first index. */
  noteDelivered(ms: number): void {
    const pending = this.pendingTimeline;
    if (!pending) return;
    this.pendingTimeline = undefined;
    this.logger.info(`Index timeline: view shown → flows in the views ${Math.round(performance.now() - pending.shownAt)} ms (views updated in ${Math.round(ms)} ms); ${pending.line}`);
  }

  /** Resolves with the first result of the current session (starting one if needed). */
  async whenReady(): Promise<AnalysisResult | undefined> {
    this.ensureStarted();
    if (this.currentStatus.state === 'ready' && this.lastResult) return this.lastResult;
    return new Promise((resolve) => {
      const sub = this.onDidChangeStatus((s) => {
        if (s.state === 'ready' || s.state === 'error') {
          sub.dispose();
          resolve(this.lastResult);
        }
      });
    });
  }

  async reindex(): Promise<void> {
    this.session?.dispose();
    this.session = undefined;
    const generation = ++this.generation;
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    const roots = folders.map((f) => f.uri.fsPath);
    if (roots.length === 0) {
      this.setStatus({ state: 'error', message: 'Open a folder to index its event flows.' });
      return;
    }
    const started = Date.now();
    const shownAt = this.shownAt ?? performance.now();
    this.shownAt = undefined;
    const current = (fn: () => void) => generation === this.generation && fn();
    const backend = this.createBackend();
    const session = new IndexSession(roots, readIndexSettings(folders, (section, scope) => vscode.workspace.getConfiguration(section, scope)), backend, this.logger, {
      onProgress: (done, total) => current(() => this.setStatus({ state: 'indexing', done, total })),
      onResult: (result, reason) =>
        current(() => {
          this.lastResult = result;
          const durationMs = reason === 'initial' ? Date.now() - started : result.stats.durationMs;
          this.setStatus({ state: 'ready', files: result.stats.filesSeen, detections: result.detections.length, flows: result.flows.length, durationMs });
          if (reason === 'initial') this.pendingTimeline = { shownAt, line: backend.timeline?.() ?? '' };
          this.resultEmitter.fire(result);
        }),
      onError: (error) =>
        current(() => {
          this.logger.error('Indexing failed', error);
          this.setStatus({ state: 'error', message: error instanceof Error ? error.message : String(error) });
        }),
    });
    this.session = session;
    this.setStatus({ state: 'indexing', done: 0, total: 0 });
    await session.start();
  }

  private setStatus(status: IndexStatus): void {
    this.currentStatus = status;
    const item = this.statusItem;
    switch (status.state) {
      case 'indexing':
        item.text = status.total > 0 ? `$(sync~spin) Event flows ${status.done}/${status.total}` : '$(sync~spin) Event flows';
        item.tooltip = 'Event Architect is indexing the workspace';
        item.command = COMMANDS.showLog;
        break;
      case 'ready':
        item.text = `$(type-hierarchy) ${status.flows} flow${status.flows === 1 ? '' : 's'}`;
        item.tooltip = `Event Architect: ${status.detections} detections in ${status.files} files (${status.durationMs} ms). Click for the diagram.`;
        item.command = COMMANDS.showFlowDiagram;
        break;
      case 'error':
        item.text = '$(warning) Event flows';
        item.tooltip = `Event Architect: ${status.message}`;
        item.command = COMMANDS.showLog;
        break;
      default:
        item.hide();
        this.statusEmitter.fire(status);
        return;
    }
    item.show();
    this.statusEmitter.fire(status);
  }

  dispose(): void {
    this.store.dispose();
  }
}
