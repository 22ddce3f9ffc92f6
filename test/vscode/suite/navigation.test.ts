import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AnalysisResult } from '../../../src/core/analysis/types';
import { COMMANDS } from '../../../src/host/ids';
import { activateApi, eventually } from './extensionApi';

interface NavigationApi {
  index: { whenReady(): Promise<AnalysisResult | undefined>; readonly result: AnalysisResult | undefined };
}

function workspaceFile(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, rel);
}

const ROUTES = 'services/orders/src/routes.ts';
/** routes.ts:59 `await producer.send({` (0-based line 58), inside `send`. */
const ON_SEND = new vscode.Position(58, 20);

function hoverText(hovers: vscode.Hover[]): string {
  // appendText keeps runs of spaces as &nbsp;: compare the text as it reads.
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n').replace(/&nbsp;/g, ' ');
}

describe('Navigation across message boundaries', () => {
  before(async () => {
    const api = (await activateApi()) as unknown as NavigationApi;
    await api.index.whenReady();
  });

  it('Shift+F12 on the orders.created publish lists the producer and the consumer in notifications', async () => {
    const uri = workspaceFile(ROUTES);
    let places: string[] = [];
    await eventually(async () => {
      const refs = (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri, ON_SEND)) ?? [];
      places = refs.map((l) => `${vscode.workspace.asRelativePath(l.uri)}:${l.range.start.line + 1}`);
      assert.ok(places.includes('services/notifications/src/index.ts:24'), `references: ${places.join(', ')}`);
    }, 30_000);
    assert.ok(places.includes(`${ROUTES}:59`), 'the publish itself is listed (includeDeclaration)');
  });

  it('hover names the broker, the channel, the consumer with its service and the principle', async () => {
    const uri = workspaceFile(ROUTES);
    let text = '';
    await eventually(async () => {
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, ON_SEND)) ?? [];
      text = hoverText(hovers);
      assert.match(text, /Event Architect/);
    }, 30_000);
    assert.match(text, /Kafka topic: orders\\?\.created/);
    assert.match(text, /Consumers \(1\)/);
    assert.match(text, /@shop\/notifications/);
    assert.match(text, /Match Message Broker to Durability/);
    assert.match(text, new RegExp(`command:${COMMANDS.showPrinciple.replace(/\./g, '\\.')}`));
  });

  it('CodeLens titles above the three publishes of routes.ts', async function () {
    this.timeout(60_000);
    const uri = workspaceFile(ROUTES);
    // CodeLens providers are asked about open documents (the command refuses a URI with no model).
    await vscode.workspace.openTextDocument(uri);
    let titles: string[] = [];
    await eventually(async () => {
      const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
      const ours = lenses.filter((l) => l.command?.command === COMMANDS.peekCounterparts);
      titles = ours.map((l) => `${l.range.start.line + 1} ${l.command?.title ?? ''}`);
      assert.equal(ours.length, 3, `lenses: ${lenses.map((l) => `${l.range.start.line + 1} ${l.command?.command ?? '?'} ${l.command?.title ?? ''}`).join(', ')}`);
    }, 40_000);
    assert.deepEqual(titles, ['59 1 consumer · 1 producer', '63 1 consumer · 1 producer', '84 1 consumer · 1 producer']);
  });

  it('Go to Symbol in Workspace finds both sides of #orders.created', async () => {
    let symbols: vscode.SymbolInformation[] = [];
    await eventually(async () => {
      symbols = ((await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', '#orders.created')) ?? []).filter(
        (s) => s.name === 'orders.created',
      );
      assert.equal(symbols.length, 2);
    }, 30_000);
    assert.deepEqual(symbols.map((s) => s.containerName).sort(), ['Kafka topic · consumer · @shop/notifications', 'Kafka topic · producer · @shop/orders']);
  });

  it('hover text from the user\'s code is escaped: a hostile channel name cannot add links or HTML', async function () {
    this.timeout(60_000);
    const file = workspaceFile('services/notifications/src/zz-hostile-channel.ts');
    const hostile = "nc.publish('[run](command:workbench.action.quit) <img src=x onerror=alert(1)> **x**', 'y');";
    await vscode.workspace.fs.writeFile(file, Buffer.from(`import { connect } from 'nats';\nconst nc = await connect();\n${hostile}\n`, 'utf8'));
    try {
      let hovers: vscode.Hover[] = [];
      await eventually(async () => {
        hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', file, new vscode.Position(2, 4))) ?? [];
        assert.match(hoverText(hovers), /Event Architect/);
      }, 40_000);
      const text = hoverText(hovers);
      assert.doesNotMatch(text, /\[run\]\(command:/, 'the link syntax is escaped');
      assert.match(text, /\\\[run\\\]/);
      assert.doesNotMatch(text, /<img/, 'no raw HTML tag');
      const md = hovers[0]?.contents[0];
      assert.ok(md instanceof vscode.MarkdownString);
      assert.equal(md.supportHtml, false);
      assert.deepEqual(md.isTrusted, { enabledCommands: [COMMANDS.showPrinciple] });
    } finally {
      await vscode.workspace.fs.delete(file);
    }
  });
});
