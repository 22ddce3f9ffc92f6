// Composition root: builds the services once, registers every disposable where it is created, and
// returns a small API for the extension-host tests. Nothing here indexes or parses: the index starts
// when a view is first shown, a command needs it, or (diagnostics/autoIndex.ts) shortly after start-up
// in a workspace whose package.json names a library we detect. Activation also runs once startup is
// finished, so opening the container later waits for the index only, not for the extension to load.
import * as vscode from 'vscode';
import type { AnalysisResult, Detection } from '../core/analysis/types';
import type { FlowGraphSnapshot } from '../protocol/messages';
import { ArchitectureView } from './architecture/architectureView';
import { registerCommands } from './commands/registerCommands';
import { registerDiagnostics } from './diagnostics';
import type { DiagnosticsController } from './diagnostics';
import { handleWebviewAction } from './architecture/webviewActions';
import { handleDiagramAction } from './diagram/diagramActions';
import { FlowDiagramPanel } from './diagram/flowDiagramPanel';
import { FlowsTreeProvider } from './flows/flowsTreeProvider';
import type { FlowNode } from './flows/flowsTreeProvider';
import { toGraphSnapshot } from './flows/graphSnapshot';
import { FLOW_DIAGRAM_PANEL, VIEWS } from './ids';
import { IndexManager } from './index/indexManager';
import { registerIndexContext } from './index/indexContext';
import { createWorkerBackend } from './index/workerBackend';
import { createLogger } from './logger';
import { PrinciplesTreeProvider } from './principles/principlesTreeProvider';
import type { Services } from './services';
import { DisposableStore } from './util/disposableStore';
import { registerNavigation } from './navigation/registerNavigation';
import { registerAutoIndex } from './diagnostics/autoIndex';
import type { NavigationModel } from './navigation/navigationModel';

/** Longest wait of the Architecture view's graph for the tree (see `flowsData`). */
const GRAPH_AFTER_TREE_MS = 250;

export interface EventArchitectApi {
  readonly principlesTree: PrinciplesTreeProvider;
  readonly flowsTree: FlowsTreeProvider;
  readonly architecture: ArchitectureView;
  readonly index: IndexManager;
  readonly diagnostics: DiagnosticsController;
  readonly navigation: NavigationModel;
  readonly activationMs: number;
}

export function activate(context: vscode.ExtensionContext): EventArchitectApi {
  const started = performance.now();
  const store = new DisposableStore();
  context.subscriptions.push(store);

  // The trees' providers first, before anything that could take time: a view shown while activating must
  // never say "There is no data provider registered".
  const principlesTree = new PrinciplesTreeProvider();
  const principlesView = store.add(vscode.window.createTreeView(VIEWS.principles, { treeDataProvider: principlesTree }));
  const logger = createLogger(store);
  // What outlives the window: the worker's code cache (per machine) and the index cache (per workspace).
  const storage = { globalDir: context.globalStorageUri.fsPath, ...(context.storageUri ? { workspaceDir: context.storageUri.fsPath } : {}) };
  const index = store.add(new IndexManager(() => createWorkerBackend(context.extensionUri, logger, storage), logger));
  const locate = (d: Detection) => locateDetection(index, d);
  const flowsTree = store.add(new FlowsTreeProvider(locate));
  // The view's actions run commands through `services`, which exists by the time any message arrives.
  const architecture = store.add(
    new ArchitectureView(context.extensionUri, logger, { onMessage: (message) => handleWebviewAction(services, message) }),
  );
  const flowDiagram = store.add(
    new FlowDiagramPanel(context.extensionUri, logger, (message) => handleDiagramAction(services, message)),
  );
  store.add(vscode.window.registerWebviewPanelSerializer(FLOW_DIAGRAM_PANEL, flowDiagram));
  const services: Services = { context, logger, architecture, flowDiagram, index };

  // The tree first: a new result reaches the Architecture view's graph (Mermaid, rendered on the
  // workbench's thread in a browser) once the tree has asked for its rows, or after GRAPH_AFTER_TREE_MS
  // when the tree is hidden, so the rendering never holds back the rows the user is waiting for.
  let pendingGraph: { result: AnalysisResult; timer: ReturnType<typeof setTimeout> } | undefined;
  const flushGraph = (): void => {
    if (!pendingGraph) return;
    clearTimeout(pendingGraph.timer);
    const { result } = pendingGraph;
    pendingGraph = undefined;
    // Built only when a loaded Architecture view needs it, once per result.
    // One snapshot for both: built on first use by whichever of the sidebar or the editor panel is loaded.
    let snapshot: FlowGraphSnapshot | undefined;
    const graphOf = (): FlowGraphSnapshot => (snapshot ??= toGraphSnapshot(result, locate));
    architecture.setGraph(graphOf);
    flowDiagram.setGraph(graphOf);
  };
  store.add({ dispose: () => pendingGraph && clearTimeout(pendingGraph.timer) });
  const flowsData: vscode.TreeDataProvider<FlowNode> = {
    onDidChangeTreeData: flowsTree.onDidChangeTreeData,
    getTreeItem: (node) => flowsTree.getTreeItem(node),
    getChildren: (node) => {
      if (!node && pendingGraph) setTimeout(flushGraph, 0);
      return flowsTree.getChildren(node);
    },
  };
  const flowsView = store.add(vscode.window.createTreeView(VIEWS.flows, { treeDataProvider: flowsData, showCollapseAll: true }));
  store.add(vscode.window.registerWebviewViewProvider(VIEWS.architecture, architecture));
  registerIndexContext(index, [VIEWS.flows], store);
  registerCommands(services, store);
  const diagnostics = registerDiagnostics({ index, logger }, store);
  // The decision trees answer what the code shows: the latest result and the rules' findings over it.
  store.add(
    diagnostics.onDidChangeFindings(({ result, findings, configs }) => architecture.setDecisionFacts({ result, findings, configFiles: configs })),
  );
  const navigation = registerNavigation({ index, logger }, store);
  registerAutoIndex({ index, logger }, store);

  // The container being shown is the signal that the user wants the index; it starts after
  // activation returns (a worker thread does the work), never during it.
  const startIndexSoon = () => {
    const shownAt = performance.now();
    setTimeout(() => index.ensureStarted(shownAt), 0);
  };
  for (const view of [principlesView, flowsView]) {
    store.add(view.onDidChangeVisibility((e) => e.visible && startIndexSoon()));
    if (view.visible) startIndexSoon();
  }
  store.add(architecture.onDidBecomeReady(startIndexSoon));
  store.add(
    index.onDidChangeResult((result) => {
      const started = performance.now();
      flowsTree.update(result);
      flowsView.message = undefined;
      if (pendingGraph) clearTimeout(pendingGraph.timer);
      pendingGraph = { result, timer: setTimeout(flushGraph, GRAPH_AFTER_TREE_MS) };
      index.noteDelivered(performance.now() - started);
    }),
  );
  store.add(
    index.onDidChangeStatus((status) => {
      architecture.setIndexStatus(status);
      flowDiagram.setIndexStatus(status);
    }),
  );
  store.add(flowDiagram.onDidBecomeReady(startIndexSoon));

  const activationMs = Math.round((performance.now() - started) * 10) / 10;
  logger.info(`Event Architect ${context.extension.packageJSON.version} activated in ${activationMs} ms`);
  return { principlesTree, flowsTree, architecture, index, diagnostics, navigation, activationMs };
}

function locateDetection(index: IndexManager, detection: Detection): vscode.Uri | undefined {
  const root = index.result?.roots[detection.root];
  return root ? vscode.Uri.joinPath(vscode.Uri.file(root), detection.file) : undefined;
}

export function deactivate(): void {
  // Everything is owned by the store in context.subscriptions, which VS Code disposes.
}
