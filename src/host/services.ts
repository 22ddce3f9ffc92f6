import type * as vscode from 'vscode';
import type { ArchitectureView } from './architecture/architectureView';
import type { FlowDiagramPanel } from './diagram/flowDiagramPanel';
import type { IndexManager } from './index/indexManager';
import type { Logger } from './logger';

/** What commands and views may use. Built once in extension.ts; every member is disposed by its owner. */
export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly logger: Logger;
  readonly architecture: ArchitectureView;
  /** The Flow Diagram editor panel. */
  readonly flowDiagram: FlowDiagramPanel;
  readonly index: IndexManager;
}
