import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS } from '../../../src/host/ids';
import { activateApi, eventually, sleep } from './extensionApi';

const APPLY_FIX = 'eventArchitect.applyFix';

interface Summary {
  created: string[];
  edited: string[];
  unchanged: string[];
  applied: boolean;
}

function workspaceFile(rel: string): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, rel);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function read(uri: vscode.Uri): Promise<string> {
  return Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
}

async function listing(dir: vscode.Uri, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  try {
    for (const [name, type] of await vscode.workspace.fs.readDirectory(dir)) {
      out.push(`${prefix}${name}${type === vscode.FileType.Directory ? '/' : ''}`);
      if (type === vscode.FileType.Directory) out.push(...(await listing(vscode.Uri.joinPath(dir, name), `${prefix}${name}/`)));
    }
  } catch {
    // gone
  }
  return out;
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Event Architect');
}

describe('Insert Scaffold', () => {
  const folder = () => workspaceFile('services/orders/relay');

  it('places a multi-file scaffold in the chosen folder once; a second insertion changes nothing; one undo removes files and folders', async () => {
    await activateApi();
    const options = { folder: folder().fsPath, interactive: false };
    try {
      const first = (await vscode.commands.executeCommand(COMMANDS.insertScaffold, 'outbox-relay', 'postgres-redis-streams', options)) as Summary | undefined;
      assert.ok(first?.applied, 'the command applied an edit');
      assert.ok(first.created.length >= 5, `created ${first.created.join(', ')}`);
      for (const file of first.created) assert.ok(await exists(vscode.Uri.joinPath(folder(), file)), `${file} exists`);

      const second = (await vscode.commands.executeCommand(COMMANDS.insertScaffold, 'outbox-relay', 'postgres-redis-streams', options)) as Summary;
      assert.deepEqual(second.created, []);
      assert.equal(second.applied, false);

      await vscode.window.showTextDocument(vscode.Uri.joinPath(folder(), first.created[0]!));
      await vscode.commands.executeCommand('undo');
      await eventually(async () => assert.equal(await exists(folder()), false, `undo removed the files and the folders it created; left: ${(await listing(folder())).join(', ')}`), 10_000);
    } finally {
      if (await exists(folder())) await vscode.workspace.fs.delete(folder(), { recursive: true });
    }
  });

  it('refuses a hostile parameter value or a reserved SQL word instead of writing it into code', async () => {
    await activateApi();
    const target = vscode.Uri.joinPath(folder(), 'hostile');
    for (const table of ['outbox; DROP TABLE orders', 'order']) {
      const summary = await vscode.commands.executeCommand(COMMANDS.insertScaffold, 'outbox-table', 'postgres', { folder: target.fsPath, interactive: false, params: { table } });
      assert.equal(summary, undefined);
    }
    assert.equal(await exists(target), false, 'nothing was written');
  });

  it('asks before inserting when the webview requests it, and leaves the active editor alone', async () => {
    await activateApi();
    const routes = workspaceFile('services/orders/src/routes.ts');
    const editor = await vscode.window.showTextDocument(routes);
    const before = editor.document.getText();
    editor.selection = new vscode.Selection(60, 4, 60, 4);
    // The webview sends { type: 'insertScaffold', scaffoldId, variantId }; the host runs this command.
    const pending = vscode.commands.executeCommand(COMMANDS.insertScaffold, 'sse-endpoint', 'express', { interactive: true });
    await sleep(1500);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await pending, undefined, 'cancelling the confirmation inserts nothing');
    assert.equal(editor.document.getText(), before, 'the active editor is unchanged');
    assert.equal(await exists(workspaceFile('services/orders/src/realtime')), false);
  });
});

describe('Dual-write quick fix', () => {
  it('rewrites the handler into an outbox transaction with the relay in the service; the diagnostic goes; one undo restores the workspace', async function () {
    this.timeout(120_000);
    const api = (await activateApi()) as unknown as { index: { whenReady(): Promise<unknown> } };
    await api.index.whenReady();
    const routes = workspaceFile('services/orders/src/routes.ts');
    const outbox = workspaceFile('services/orders/src/outbox');
    const migration = workspaceFile('services/orders/migrations/002_outbox.sql');
    const original = await read(routes);
    try {
      await eventually(() => assert.ok(ours(routes).length >= 2, 'dual-write diagnostics shown'), 60_000);
      const [first] = ours(routes);
      assert.ok(first);
      await vscode.window.showTextDocument(routes, { selection: new vscode.Range(30, 0, 30, 0) });
      let fix: vscode.CodeAction | undefined;
      await eventually(async () => {
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', routes, first.range, vscode.CodeActionKind.QuickFix.value);
        fix = (actions ?? []).find((a) => a.command?.command === APPLY_FIX);
        assert.ok(fix, 'the code fix is offered');
      }, 40_000);
      assert.equal(fix?.isPreferred, true);
      await vscode.commands.executeCommand(fix!.command!.command, ...(fix!.command!.arguments ?? []));

      const fixed = await read(routes);
      assert.match(fixed, /await client\.query\('BEGIN'\);/);
      assert.match(fixed, /await enqueueOutboxEvent\(client, \{ aggregateType: TOPICS\.orderCreated/);
      assert.doesNotMatch(fixed, /topic: TOPICS\.orderCreated/);
      assert.match(fixed, /^import \{ enqueueOutboxEvent \} from '\.\/outbox\/postgresOutboxStore';$/m);
      assert.ok(await exists(migration), '002_outbox.sql beside 001_orders.sql');
      assert.ok(await exists(vscode.Uri.joinPath(outbox, 'runRelay.ts')), 'the relay is in the orders service');
      assert.equal(await exists(workspaceFile('src')), false, 'nothing at the workspace root');
      // Only the cancel handler's dual write is left once the index has caught up.
      await eventually(() => assert.deepEqual(ours(routes).map((d) => d.message.includes('orders.cancelled')), [true]), 30_000);

      await vscode.window.showTextDocument(routes);
      await vscode.commands.executeCommand('undo');
      await eventually(async () => {
        assert.equal(await exists(outbox), false, 'undo removed the relay folder');
        assert.equal(await exists(migration), false, 'undo removed the migration');
        const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === routes.toString());
        assert.equal(doc?.getText(), original, 'routes.ts restored');
      }, 15_000);
    } finally {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === routes.toString());
      if (doc?.isDirty) await doc.save();
      if ((await read(routes)) !== original) await vscode.workspace.fs.writeFile(routes, Buffer.from(original, 'utf8'));
      for (const uri of [outbox, migration]) if (await exists(uri)) await vscode.workspace.fs.delete(uri, { recursive: true });
    }
  });
});
