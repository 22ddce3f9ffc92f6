import * as vscode from 'vscode';
import type { DecisionFacts } from '../../core/decisions';
import { PRINCIPLES } from '../../core/principles';
import type { DecisionsSnapshot, FlowGraphSnapshot, HostMessage, IndexStatus, WebviewMessage, WebviewPage, WebviewSnapshot } from '../../protocol/messages';
import { parseWebviewMessage } from '../../protocol/messages';
import type { Logger } from '../logger';
import { DisposableStore } from '../util/disposableStore';
import { VIEWS } from '../ids';
import { createNonce, renderWebviewHtml } from './webviewHtml';
import { toDecisionsSnapshot } from './decisionsSnapshot';

/** What the webview asks of the rest of the extension (commands, the index, the editor). */
export interface ArchitectureViewActions {
  onMessage(message: Exclude<WebviewMessage, { type: 'ready' } | { type: 'navigated' }>): void | Promise<void>;
}

/**
 * The Architecture webview view. The host owns the truth (page, graph, index status); the webview is a
 * projection of it: it says `ready` on every load and gets a full snapshot, then incremental messages.
 * Inbound messages are validated at this boundary; a malformed one is logged and dropped.
 */
export class ArchitectureView implements vscode.WebviewViewProvider, vscode.Disposable {
  private readonly store = new DisposableStore();
  private view: vscode.WebviewView | undefined;
  private ready = false;
  private page: WebviewPage = { kind: 'principle', id: PRINCIPLES[0]!.id };
  /** Builds the graph for the webview; called only when a loaded view needs it, once per index result. */
  private graphSource: () => FlowGraphSnapshot | null = () => null;
  private graph: FlowGraphSnapshot | null | undefined = null;
  private index: IndexStatus = { state: 'idle' };
  /** What the decision trees' pre-answers are computed from (the latest result and its findings). */
  private facts: DecisionFacts | undefined;
  private decisions: DecisionsSnapshot | undefined;
  private readonly readyEmitter = this.store.add(new vscode.EventEmitter<void>());
  /** Fires each time the webview has loaded and received its snapshot (tests and reveal wait on it). */
  readonly onDidBecomeReady = this.readyEmitter.event;
  /** Counts messages dropped by validation; exposed for tests. */
  rejectedMessages = 0;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly logger: Logger,
    private readonly actions: ArchitectureViewActions,
  ) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.ready = false;
    view.webview.options = {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist'), vscode.Uri.joinPath(this.extensionUri, 'media')],
    };
    const viewStore = new DisposableStore();
    viewStore.add(view.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)));
    viewStore.add(
      view.onDidDispose(() => {
        this.view = undefined;
        this.ready = false;
        viewStore.dispose();
      }),
    );
    this.store.add(viewStore);
    view.webview.html = renderWebviewHtml({ webview: view.webview, extensionUri: this.extensionUri, nonce: createNonce(), title: 'Architecture' });
  }

  get currentPage(): WebviewPage {
    return this.page;
  }

  get isReady(): boolean {
    return this.ready;
  }

  /** Shows a page, revealing the view first. Resolves once the webview has it. */
  async show(page: WebviewPage): Promise<void> {
    this.page = page;
    if (this.view && this.ready) {
      this.post({ type: 'navigate', page });
      this.view.show(true);
      return;
    }
    const loaded = new Promise<void>((resolve) => {
      const sub = this.onDidBecomeReady(() => {
        sub.dispose();
        resolve();
      });
    });
    await vscode.commands.executeCommand(`${VIEWS.architecture}.focus`);
    if (this.view && this.ready) return;
    await loaded;
  }

  /**
   * A new graph, or how to build it. Building waits until a loaded view asks for it, so an index update
   * while the view is hidden or closed costs nothing on the extension host's thread.
   */
  setGraph(graph: FlowGraphSnapshot | null | (() => FlowGraphSnapshot | null)): void {
    this.graphSource = typeof graph === 'function' ? graph : () => graph;
    this.graph = undefined;
    if (this.view && this.ready) this.post({ type: 'graph', graph: this.currentGraph() });
  }

  private currentGraph(): FlowGraphSnapshot | null {
    if (this.graph === undefined) this.graph = this.graphSource();
    return this.graph;
  }

  get decisionFacts(): DecisionFacts | undefined {
    return this.facts;
  }

  /** New findings over a result: the pre-answers are recomputed when a loaded view needs them. */
  setDecisionFacts(facts: DecisionFacts): void {
    this.facts = facts;
    this.decisions = undefined;
    if (this.view && this.ready) this.post({ type: 'decisions', decisions: this.currentDecisions() });
  }

  private currentDecisions(): DecisionsSnapshot {
    if (this.decisions === undefined) this.decisions = this.facts ? toDecisionsSnapshot(this.facts) : {};
    return this.decisions;
  }

  setIndexStatus(status: IndexStatus): void {
    this.index = status;
    this.post({ type: 'indexStatus', status });
  }

  /** Entry point for every inbound message (public so tests can feed it malformed input). */
  async receive(raw: unknown): Promise<void> {
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      this.rejectedMessages++;
      this.logger.warn(`Ignored a malformed webview message (${parsed.error})`);
      return;
    }
    const message = parsed.message;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.post({ type: 'snapshot', snapshot: this.snapshot() });
        this.readyEmitter.fire();
        return;
      case 'navigated':
        this.page = message.page;
        return;
      default:
        try {
          await this.actions.onMessage(message);
        } catch (error) {
          this.logger.error(`Webview action "${message.type}" failed`, error);
        }
    }
  }

  snapshot(): WebviewSnapshot {
    return { principles: [...PRINCIPLES], page: this.page, graph: this.currentGraph(), index: this.index, decisions: this.currentDecisions() };
  }

  private post(message: HostMessage): void {
    if (!this.view || !this.ready) return;
    void this.view.webview.postMessage(message);
  }

  dispose(): void {
    this.store.dispose();
  }
}
