import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AnalysisResult } from '../../../src/core/analysis/types';
import { COMMANDS } from '../../../src/host/ids';
import { activateApi, eventually } from './extensionApi';

interface DiagnosticsApi {
  index: { whenReady(): Promise<AnalysisResult | undefined> };
}

function workspaceFile(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, rel);
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Event Architect');
}

async function codeActions(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  await vscode.window.showTextDocument(uri);
  // The first request right after opening a file can be cancelled while the TS extension starts.
  let mine: vscode.CodeAction[] = [];
  await eventually(async () => {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
    mine = (actions ?? []).filter((a) => [COMMANDS.insertScaffold, COMMANDS.showPrinciple, 'eventArchitect.applyFix'].includes(a.command?.command ?? ''));
    assert.ok(mine.length > 0, 'no Event Architect quick fixes yet');
  }, 40_000);
  return mine;
}

describe('Diagnostics', () => {
  it('shows the shop findings as diagnostics with principle links', async () => {
    const api = (await activateApi()) as unknown as DiagnosticsApi;
    await api.index.whenReady();
    const routes = workspaceFile('services/orders/src/routes.ts');
    await eventually(() => assert.equal(ours(routes).length, 3, `dual writes shown: ${ours(routes).length}`), 30_000);
    const diagnostics = ours(routes);
    assert.deepEqual(diagnostics.map((d) => d.range.start.line + 1), [59, 63, 84]);
    const code = diagnostics[0]?.code;
    assert.ok(code && typeof code === 'object' && code.value === 'dual-write', 'code names the rule');
    assert.equal(code.target.scheme, 'command');
    assert.equal(code.target.path, COMMANDS.showPrinciple);
    assert.equal(diagnostics[0]?.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(ours(workspaceFile('infra/nginx.conf')).length, 1, 'nginx proxy_buffering finding');
  });

  // The first code-action request waits for the TypeScript server to start (10–20 s on 2 cores).
  it('offers the outbox code fix and Show Principle on a dual write', async function () {
    this.timeout(120_000);
    const routes = workspaceFile('services/orders/src/routes.ts');
    const [first] = ours(routes);
    assert.ok(first);
    const actions = await codeActions(routes, first.range);
    // The code fix (outbox in the transaction + relay) replaces the scaffold-only insertions.
    const fix = actions.find((a) => a.command?.command === 'eventArchitect.applyFix');
    assert.match(fix?.title ?? '', /^Write the event to the outbox in the same transaction \(orders\.created, email\)$/);
    assert.equal(fix?.isPreferred, true);
    assert.deepEqual(actions.filter((a) => a.command?.command === COMMANDS.insertScaffold), []);
    const show = actions.find((a) => a.command?.command === COMMANDS.showPrinciple);
    assert.deepEqual(show?.command?.arguments, ['outbox-pattern']);
    assert.match(show?.title ?? '', /^Show principle: Use the Outbox Pattern/);
  });

  it('offers the proxy_buffering fix inside nginx.conf', async () => {
    const conf = workspaceFile('infra/nginx.conf');
    const [finding] = ours(conf);
    assert.ok(finding);
    const actions = await codeActions(conf, finding.range);
    assert.equal(actions.find((a) => a.command?.command === 'eventArchitect.applyFix')?.title, 'Turn proxy buffering off in this location');
  });
});

describe('Diagnostics and deployment files', () => {
  it('re-evaluates when nginx.conf changes on disk: proxy_buffering off clears the finding', async () => {
    const conf = workspaceFile('infra/nginx.conf');
    const original = await vscode.workspace.fs.readFile(conf);
    const text = Buffer.from(original).toString('utf8');
    const fixed = text.replace('location /api/notifications/stream {', 'location /api/notifications/stream {\n      proxy_buffering off;');
    assert.notEqual(fixed, text);
    try {
      await vscode.workspace.fs.writeFile(conf, Buffer.from(fixed, 'utf8'));
      await eventually(() => assert.equal(ours(conf).length, 0, 'finding cleared'), 15_000);
    } finally {
      await vscode.workspace.fs.writeFile(conf, original);
    }
    await eventually(() => assert.equal(ours(conf).length, 1, 'finding back'), 15_000);
  });
});
