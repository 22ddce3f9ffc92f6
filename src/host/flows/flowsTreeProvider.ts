import * as vscode from 'vscode';
import type { AnalysisResult, Detection, Flow } from '../../core/analysis/types';
import { COMMANDS } from '../ids';
import { brokerItemText, channelItemText, endpointItemText, messageItemText } from './flowItemText';
import type { ItemText } from './flowItemText';
import { brokerLabel } from './labels';

export type FlowNode =
  | { kind: 'broker'; broker: string; flows: Flow[] }
  | { kind: 'channel'; flow: Flow }
  | { kind: 'endpoint'; flow: Flow; detection: Detection; side: 'producer' | 'consumer' }
  | { kind: 'message'; text: string };

/** Maps a detection to the file URI it came from (the index knows which root holds it). */
export type LocateDetection = (detection: Detection) => vscode.Uri | undefined;

/** The native Event Flows tree: broker → channel → producers and consumers (`file:line`). */
export class FlowsTreeProvider implements vscode.TreeDataProvider<FlowNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<FlowNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private result: AnalysisResult | undefined;
  private byId = new Map<string, Detection>();

  constructor(private readonly locate: LocateDetection) {}

  update(result: AnalysisResult | undefined): void {
    this.result = result;
    this.byId = new Map((result?.detections ?? []).map((d) => [d.id, d]));
    this.changed.fire(undefined);
  }

  get current(): AnalysisResult | undefined {
    return this.result;
  }

  getChildren(node?: FlowNode): FlowNode[] {
    const result = this.result;
    if (!result) return [];
    if (!node) {
      // No flows: the empty tree shows the welcome content of the state (package.json › viewsWelcome, keyed
      // on eventArchitect.indexState / hasDetections), with guidance rather than a one-line row.
      if (result.flows.length === 0) return [];
      const brokers = new Map<string, Flow[]>();
      for (const flow of result.flows) {
        const list = brokers.get(flow.broker);
        if (list) list.push(flow);
        else brokers.set(flow.broker, [flow]);
      }
      return [...brokers.entries()]
        .sort(([a], [b]) => brokerLabel(a).localeCompare(brokerLabel(b)))
        .map(([broker, flows]) => ({ kind: 'broker', broker, flows: flows.sort((x, y) => x.channel.localeCompare(y.channel)) }));
    }
    if (node.kind === 'broker') return node.flows.map((flow) => ({ kind: 'channel', flow }));
    if (node.kind === 'channel') {
      const endpoints = (ids: string[], side: 'producer' | 'consumer'): FlowNode[] =>
        ids.flatMap((id) => {
          const detection = this.byId.get(id);
          return detection ? [{ kind: 'endpoint', flow: node.flow, detection, side } as FlowNode] : [];
        });
      return [...endpoints(node.flow.producers, 'producer'), ...endpoints(node.flow.consumers, 'consumer')];
    }
    return [];
  }

  getTreeItem(node: FlowNode): vscode.TreeItem {
    switch (node.kind) {
      case 'message': {
        const item = new vscode.TreeItem(messageItemText(node.text).label, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('info');
        return item;
      }
      case 'broker': {
        const item = textItem(brokerItemText(node.broker, node.flows.length), vscode.TreeItemCollapsibleState.Expanded);
        item.id = `broker:${node.broker}`;
        item.iconPath = new vscode.ThemeIcon('server-process');
        item.contextValue = 'flowBroker';
        return item;
      }
      case 'channel': {
        const { flow } = node;
        const item = textItem(channelItemText(flow), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `flow:${flow.id}`;
        const orphan = flow.producers.length === 0 || flow.consumers.length === 0;
        item.iconPath = new vscode.ThemeIcon(orphan ? 'debug-disconnect' : 'arrow-swap');
        item.contextValue = orphan ? 'flowChannelOrphan' : 'flowChannel';
        return item;
      }
      case 'endpoint': {
        const d = node.detection;
        const item = textItem(endpointItemText(d, node.side), vscode.TreeItemCollapsibleState.None);
        item.id = `flow:${node.flow.id}:${node.side}:${d.id}`;
        item.iconPath = new vscode.ThemeIcon(node.side === 'producer' ? 'arrow-right' : 'arrow-left');
        item.contextValue = 'flowEndpoint';
        const uri = this.locate(d);
        if (uri) {
          item.resourceUri = uri;
          item.command = {
            command: COMMANDS.openLocation,
            title: 'Open Location',
            arguments: [{ uri: uri.toString(), line: d.line, column: d.column }],
          };
        }
        return item;
      }
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/**
 * A tree item from safe text. The tooltip's MarkdownString is untrusted (no command links), renders no
 * HTML and no theme icons: its user data is already escaped, this keeps every other door shut too.
 */
function textItem(text: ItemText, state: vscode.TreeItemCollapsibleState): vscode.TreeItem {
  const item = new vscode.TreeItem(text.label, state);
  if (text.description !== undefined) item.description = text.description;
  if (text.tooltipMarkdown !== undefined) {
    const tooltip = new vscode.MarkdownString(text.tooltipMarkdown, false);
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    item.tooltip = tooltip;
  }
  return item;
}
