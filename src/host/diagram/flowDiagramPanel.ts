import * as vscode from 'vscode';
import type { FlowGraphSnapshot, IndexStatus } from '../../protocol/messages';
import type { DiagramHostMessage, DiagramWebviewMessage } from '../../protocol/diagramMessages';
import { parseDiagramMessage } from '../../protocol/diagramMessages';
import { createNonce, renderWebviewHtml } from '../architecture/webviewHtml';
import { FLOW_DIAGRAM_PANEL } from '../ids';
import type { Logger } from '../logger';
import { DisposableStore } from '../util/disposableStore';

export type DiagramAction = Exclude<DiagramWebviewMessage, { type: 'ready' }>;

/**
 * The Flow Diagram in the editor area (one panel, revealed again when asked twice). The host pushes the
 * graph on each index update; zoom, filters and selection live in the webview's own state
 * (getState/setState), so they survive hiding, re-renders and — through the serializer — a window reload.
 */
export class FlowDiagramPanel implements vscode.WebviewPanelSerializer, vscode.Disposable {
  private readonly store = new DisposableStore();
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  private graphSource: () => FlowGraphSnapshot | null = () => null;
  private graph: FlowGraphSnapshot | null | undefined = null;
  private index: IndexStatus = { state: 'idle' };
  private readonly readyEmitter = this.store.add(new vscode.EventEmitter<void>());
  /** Fires each time the panel's page has loaded and received the graph. */
  readonly onDidBecomeReady = this.readyEmitter.event;
  rejectedMessages = 0;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly logger: Logger,
    private readonly onAction: (message: DiagramAction) => void | Promise<void>,
  ) {}

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /** Opens the panel, or reveals it where it is. */
  open(): void {
    if (this.panel) {
      this.panel.reveal(undefined, false);
      return;
    }
    const panel = vscode.window.createWebviewPanel(FLOW_DIAGRAM_PANEL, 'Flow Diagram', vscode.ViewColumn.Active, this.options());
    this.attach(panel);
  }

  /** Called by VS Code after a reload for a panel that was open; the webview's state comes back by itself. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel): Promise<void> {
    this.attach(panel);
  }

  setGraph(graph: FlowGraphSnapshot | null | (() => FlowGraphSnapshot | null)): void {
    this.graphSource = typeof graph === 'function' ? graph : () => graph;
    this.graph = undefined;
    this.post({ type: 'diagramGraph', graph: this.currentGraph(), index: this.index });
  }

  setIndexStatus(status: IndexStatus): void {
    this.index = status;
    this.post({ type: 'diagramIndexStatus', status });
  }

  /** Entry point for every inbound message (public so tests can feed it malformed input). */
  async receive(raw: unknown): Promise<void> {
    const parsed = parseDiagramMessage(raw);
    if (!parsed.ok) {
      this.rejectedMessages++;
      this.logger.warn(`Ignored a malformed message from the Flow Diagram (${parsed.error})`);
      return;
    }
    const message = parsed.message;
    if (message.type === 'ready') {
      this.ready = true;
      this.post({ type: 'diagramGraph', graph: this.currentGraph(), index: this.index });
      this.readyEmitter.fire();
      return;
    }
    try {
      await this.onAction(message);
    } catch (error) {
      this.logger.error(`Flow Diagram action "${message.type}" failed`, error);
    }
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist'), vscode.Uri.joinPath(this.extensionUri, 'media')],
    };
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel?.dispose();
    this.panel = panel;
    this.ready = false;
    panel.webview.options = this.options();
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'activity-icon.svg');
    const panelStore = new DisposableStore();
    panelStore.add(panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)));
    panelStore.add(
      panel.onDidDispose(() => {
        if (this.panel === panel) {
          this.panel = undefined;
          this.ready = false;
        }
        panelStore.dispose();
      }),
    );
    this.store.add(panelStore);
    panel.webview.html = renderWebviewHtml({
      webview: panel.webview,
      extensionUri: this.extensionUri,
      nonce: createNonce(),
      title: 'Flow Diagram',
      surface: 'diagram',
    });
  }

  private currentGraph(): FlowGraphSnapshot | null {
    if (this.graph === undefined) this.graph = this.graphSource();
    return this.graph;
  }

  private post(message: DiagramHostMessage): void {
    if (!this.panel || !this.ready) return;
    void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    this.panel?.dispose();
    this.store.dispose();
  }
}
