// The safe-output work as the user meets it in the editor: Open Location refuses paths that leave the
// workspace, and a hostile event name shows up visibly in the Flows tree with an escaped, untrusted tooltip.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AnalysisResult } from '../../../src/core/analysis/types';
import { endpointItemText } from '../../../src/host/flows/flowItemText';
import { COMMANDS } from '../../../src/host/ids';
import { activateApi, eventually, labelOf } from './extensionApi';

interface FlowsApi {
  index: { whenReady(): Promise<AnalysisResult | undefined>; readonly result: AnalysisResult | undefined };
  flowsTree: vscode.TreeDataProvider<unknown>;
}

function root(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return folder.uri;
}

const HOSTILE_EVENT = 'invoice\u202Egnp.exe';
const HOSTILE_SNIPPET = '` [Open fix](https://example.invalid) ![](https://example.invalid/t.png) `';

describe('Safe output in the editor', () => {
  it('Open Location refuses a path that leaves the workspace through ..', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const escaping = `${root().toString()}/../../package.json`;
    await vscode.commands.executeCommand(COMMANDS.openLocation, { uri: escaping, line: 1, column: 1 });
    const open = vscode.window.activeTextEditor?.document.uri.fsPath ?? '';
    assert.ok(!open.endsWith('package.json'), `opened ${open}`);
  });

  it('shows a hostile event name visibly in the Flows tree, with an untrusted tooltip that escapes the snippet', async () => {
    const api = (await activateApi()) as unknown as FlowsApi;
    await api.index.whenReady();
    const file = vscode.Uri.joinPath(root(), 'services', 'notifications', 'src', 'hostileNames.ts');
    const source = [
      "import { Server } from 'socket.io';",
      'const io = new Server(3999);',
      `export function push(): void {`,
      `  io.emit(${JSON.stringify(HOSTILE_EVENT)}, ${JSON.stringify(HOSTILE_SNIPPET)});`,
      '}',
      `io.on('connection', (socket) => socket.on(${JSON.stringify(HOSTILE_EVENT)}, () => undefined));`,
      '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(source));
    try {
      await eventually(() => assert.ok(api.index.result?.flows.some((f) => f.channel === HOSTILE_EVENT), 'the hostile flow is indexed'), 15_000);
      const brokers = (await api.flowsTree.getChildren()) ?? [];
      let channelItem: vscode.TreeItem | undefined;
      let channelNode: unknown;
      for (const broker of brokers) {
        for (const node of (await api.flowsTree.getChildren(broker)) ?? []) {
          const item = await api.flowsTree.getTreeItem(node);
          if (labelOf(item).startsWith('invoice')) {
            channelItem = item;
            channelNode = node;
          }
        }
      }
      assert.ok(channelItem, 'the hostile channel is in the tree');
      assert.equal(labelOf(channelItem), 'invoice⟨U+202E⟩gnp.exe');
      const endpoints = (await api.flowsTree.getChildren(channelNode)) ?? [];
      assert.ok(endpoints.length >= 1);
      for (const endpoint of endpoints) {
        const item = await api.flowsTree.getTreeItem(endpoint);
        const tooltip = item.tooltip;
        assert.ok(tooltip instanceof vscode.MarkdownString, 'the tooltip is Markdown');
        assert.ok(!tooltip.isTrusted, 'no command links');
        assert.ok(!tooltip.supportHtml, 'no HTML');
        assert.ok(!tooltip.value.includes('\u202E'), 'no raw bidi override');
        // exactly the escaped Markdown the unit tests render with hostile names (no link, no image)
        const detection = api.index.result?.detections.find((d) => item.id?.endsWith(`:${d.id}`));
        assert.ok(detection, `the endpoint ${item.id} is a detection`);
        const role = item.id?.includes(':producer:') ? 'producer' : 'consumer';
        assert.equal(tooltip.value, endpointItemText(detection, role).tooltipMarkdown);
      }
    } finally {
      await vscode.workspace.fs.delete(file);
    }
  });
});
