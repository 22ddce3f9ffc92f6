import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AnalysisResult } from '../../../src/core/analysis/types';
import { COMMANDS } from '../../../src/host/ids';
import { activateApi, eventually, labelOf } from './extensionApi';

interface IndexApi {
  whenReady(): Promise<AnalysisResult | undefined>;
  readonly result: AnalysisResult | undefined;
  onDidChangeResult: vscode.Event<AnalysisResult>;
}

interface FlowsApi {
  index: IndexApi;
  flowsTree: vscode.TreeDataProvider<unknown>;
}

async function flowsApi(): Promise<FlowsApi> {
  const api = (await activateApi()) as unknown as Partial<FlowsApi>;
  assert.ok(api.index && api.flowsTree, 'the API exposes index and flowsTree');
  return api as FlowsApi;
}

function root(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return folder.uri;
}

describe('Event Flows index', () => {
  it('indexes the example workspace and pairs Kafka producers with consumers across services', async () => {
    const api = await flowsApi();
    const result = await api.index.whenReady();
    assert.ok(result, 'the index produced a result');
    assert.ok(result.detections.length >= 30, `only ${result.detections.length} detections`);
    const created = result.flows.find((f) => f.broker === 'kafka' && f.channel === 'orders.created');
    assert.ok(created, 'flow kafka orders.created');
    const byId = new Map(result.detections.map((d) => [d.id, d]));
    const services = (ids: string[]) => new Set(ids.map((id) => byId.get(id)?.service));
    assert.ok(created.producers.length > 0 && created.consumers.length > 0);
    assert.notDeepEqual(services(created.producers), services(created.consumers), 'producer and consumer live in different services');
  });

  it('shows broker → channel → endpoints in the tree, and an endpoint opens its line', async () => {
    const api = await flowsApi();
    await api.index.whenReady();
    const brokers = (await api.flowsTree.getChildren()) ?? [];
    const labels = await Promise.all(brokers.map(async (b) => labelOf(await api.flowsTree.getTreeItem(b))));
    assert.ok(labels.includes('Kafka'), `brokers: ${labels.join(', ')}`);
    const kafka = brokers[labels.indexOf('Kafka')];
    const channels = (await api.flowsTree.getChildren(kafka)) ?? [];
    const channelLabels = await Promise.all(channels.map(async (c) => labelOf(await api.flowsTree.getTreeItem(c))));
    const created = channels[channelLabels.indexOf('orders.created')];
    assert.ok(created, `channels: ${channelLabels.join(', ')}`);
    const endpoints = (await api.flowsTree.getChildren(created)) ?? [];
    assert.ok(endpoints.length >= 2);
    const item = await api.flowsTree.getTreeItem(endpoints[0]);
    assert.equal(item.command?.command, COMMANDS.openLocation);
    const [location] = (item.command?.arguments ?? []) as { uri: string; line: number }[];
    assert.ok(location && location.uri.startsWith(root().toString()), 'the location is inside the workspace');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), location.uri);
    assert.equal(editor?.selection.active.line, location.line - 1);
    assert.match(editor?.document.lineAt(location.line - 1).text ?? '', /send|produce|emit/);
  });

  it('follows unsaved edits incrementally and reverts when the editor closes without saving', async () => {
    const api = await flowsApi();
    await api.index.whenReady();
    const file = vscode.Uri.joinPath(root(), 'services', 'notifications', 'src', 'refunds.ts');
    await vscode.workspace.fs.writeFile(
      file,
      new TextEncoder().encode(
        "import { Kafka } from 'kafkajs';\n\nconst producer = new Kafka({ clientId: 'refunds', brokers: ['kafka:9092'] }).producer();\n\nexport async function announce(id: string): Promise<void> {\n  await producer.send({ topic: 'payments.refunded', messages: [{ key: id, value: id }] });\n}\n",
      ),
    );
    await eventually(() => assert.ok(api.index.result?.flows.some((f) => f.channel === 'payments.refunded')), 15_000);

    const doc = await vscode.workspace.openTextDocument(file);
    const editor = await vscode.window.showTextDocument(doc);
    const line = doc.lineAt(5);
    await editor.edit((b) => b.replace(line.range, "  await producer.send({ topic: 'payments.chargeback', messages: [] });"));
    await eventually(() => {
      const channels = api.index.result?.flows.map((f) => f.channel) ?? [];
      assert.ok(channels.includes('payments.chargeback'), 'the unsaved edit is indexed');
      assert.ok(!channels.includes('payments.refunded'), 'the replaced topic is gone');
    }, 15_000);

    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await eventually(() => {
      const channels = api.index.result?.flows.map((f) => f.channel) ?? [];
      assert.ok(channels.includes('payments.refunded') && !channels.includes('payments.chargeback'), 'back to the text on disk');
    }, 15_000);

    await vscode.workspace.fs.delete(file);
    await eventually(() => assert.ok(!api.index.result?.flows.some((f) => f.channel === 'payments.refunded'), 'deleting the file removes its flow'), 15_000);
  });
});
