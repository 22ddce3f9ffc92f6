import * as vscode from 'vscode';
import { principlesByArea } from '../../core/principles';
import type { Principle, PrincipleArea } from '../../core/principles';
import { COMMANDS } from '../ids';

export type PrincipleSection = 'what' | 'why' | 'when' | 'whenNot';

export type PrincipleNode =
  | { kind: 'area'; area: PrincipleArea; principles: Principle[] }
  | { kind: 'principle'; principle: Principle }
  | { kind: 'section'; principle: Principle; section: PrincipleSection };

const SECTIONS: readonly { section: PrincipleSection; label: string; icon: string }[] = [
  { section: 'what', label: 'What', icon: 'info' },
  { section: 'why', label: 'Why', icon: 'lightbulb' },
  { section: 'when', label: 'When', icon: 'pass' },
  { section: 'whenNot', label: 'When not', icon: 'circle-slash' },
];

/** Backticks are markdown in the catalog; a tree label is plain text. */
function plain(text: string): string {
  return text.replace(/`/g, '');
}

/** The native Principles tree: area → principle → What / Why / When / When not. */
export class PrinciplesTreeProvider implements vscode.TreeDataProvider<PrincipleNode> {
  private readonly roots: PrincipleNode[] = principlesByArea().map(({ area, principles }) => ({ kind: 'area', area, principles }));

  getChildren(node?: PrincipleNode): PrincipleNode[] {
    if (!node) return this.roots;
    if (node.kind === 'area') return node.principles.map((principle) => ({ kind: 'principle', principle }));
    if (node.kind === 'principle') return SECTIONS.map(({ section }) => ({ kind: 'section', principle: node.principle, section }));
    return [];
  }

  getParent(node: PrincipleNode): PrincipleNode | undefined {
    if (node.kind === 'area') return undefined;
    const area = this.roots.find((r) => r.kind === 'area' && r.area === node.principle.area);
    if (node.kind === 'principle') return area;
    return { kind: 'principle', principle: node.principle };
  }

  getTreeItem(node: PrincipleNode): vscode.TreeItem {
    if (node.kind === 'area') {
      const item = new vscode.TreeItem(node.area, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `area:${node.area}`;
      item.contextValue = 'principleArea';
      item.iconPath = new vscode.ThemeIcon('folder-library');
      item.description = `${node.principles.length}`;
      return item;
    }
    const openPage: vscode.Command = { command: COMMANDS.showPrinciple, title: 'Show Principle', arguments: [node.principle.id] };
    if (node.kind === 'principle') {
      const item = new vscode.TreeItem(node.principle.title, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `principle:${node.principle.id}`;
      item.contextValue = 'principle';
      item.iconPath = new vscode.ThemeIcon('book');
      item.tooltip = new vscode.MarkdownString(`**${node.principle.title}**\n\n${node.principle.summary}`);
      item.command = openPage;
      return item;
    }
    const meta = SECTIONS.find((s) => s.section === node.section);
    const text = node.principle[node.section];
    const item = new vscode.TreeItem(meta?.label ?? node.section, vscode.TreeItemCollapsibleState.None);
    item.id = `principle:${node.principle.id}:${node.section}`;
    item.contextValue = 'principleSection';
    item.description = plain(text);
    item.tooltip = new vscode.MarkdownString(text);
    item.iconPath = new vscode.ThemeIcon(meta?.icon ?? 'circle-outline');
    item.command = openPage;
    return item;
  }
}
