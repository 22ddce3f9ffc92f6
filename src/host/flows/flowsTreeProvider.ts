import * as vscode from 'vscode';
import type { AnalysisResult, Detection, Flow } from '../../core/analysis/types';
import { COMMANDS } from '../ids';
import { brokerLabel, kindLabel } from './labels';

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
      if (result.flows.length === 0) {
        // An empty array would show the welcome view; after indexing, say what was found instead.
        return [{ kind: 'message', text: `No event flows found in ${result.stats.filesSeen} files (${result.detections.length} detections).` }];
      }
      const brokers = new Map<string, Flow[]>();
      for (const flow of result.flows) brokers.set(flow.broker, [...(brokers.get(flow.broker) ?? []), flow]);
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
        const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('info');
        return item;
      }
      case 'broker': {
        const item = new vscode.TreeItem(brokerLabel(node.broker), vscode.TreeItemCollapsibleState.Expanded);
        item.id = `broker:${node.broker}`;
        item.description = `${node.flows.length} channel${node.flows.length === 1 ? '' : 's'}`;
        item.iconPath = new vscode.ThemeIcon('server-process');
        item.contextValue = 'flowBroker';
        return item;
      }
      case 'channel': {
        const { flow } = node;
        const item = new vscode.TreeItem(flow.channel, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `flow:${flow.id}`;
        item.description = `${flow.producers.length} → ${flow.consumers.length}`;
        item.tooltip = `${brokerLabel(flow.broker)} · ${flow.channel}\n${flow.producers.length} producer(s), ${flow.consumers.length} consumer(s)`;
        const orphan = flow.producers.length === 0 || flow.consumers.length === 0;
        item.iconPath = new vscode.ThemeIcon(orphan ? 'debug-disconnect' : 'arrow-swap');
        item.contextValue = orphan ? 'flowChannelOrphan' : 'flowChannel';
        return item;
      }
      case 'endpoint': {
        const d = node.detection;
        const item = new vscode.TreeItem(`${d.file}:${d.line}`, vscode.TreeItemCollapsibleState.None);
        item.id = `flow:${node.flow.id}:${node.side}:${d.id}`;
        item.description = `${node.side === 'producer' ? 'produces' : 'consumes'} · ${kindLabel(d.kind)}${d.enclosingFunction ? ` · ${d.enclosingFunction}` : ''}`;
        item.tooltip = new vscode.MarkdownString(`**${kindLabel(d.kind)}** (${d.library}) in service \`${d.service}\`\n\n\`${d.snippet}\``);
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
