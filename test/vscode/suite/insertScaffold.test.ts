import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS } from '../../../src/host/ids';
import { activateApi, eventually } from './extensionApi';

interface WriteSummary {
  created: string[];
  overwritten: string[];
  unchanged: string[];
  skipped: string[];
  applied: boolean;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

describe('Insert Scaffold', () => {
  const folder = () => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'services', 'orders', 'relay');

  it('writes a multi-file scaffold once; a second insertion changes nothing; undo removes the files', async () => {
    await activateApi();
    const options = { folder: folder().fsPath, interactive: false };
    const first = (await vscode.commands.executeCommand(COMMANDS.insertScaffold, 'outbox-relay', 'postgres-redis-streams', options)) as WriteSummary | undefined;
    assert.ok(first, 'the command returned a summary');
    assert.ok(first.applied);
    assert.ok(first.created.length >= 3, `created ${first.created.join(', ')}`);
    for (const file of first.created) assert.ok(await exists(vscode.Uri.joinPath(folder(), file)), `${file} exists`);

    const second = (await vscode.commands.executeCommand(COMMANDS.insertScaffold, 'outbox-relay', 'postgres-redis-streams', options)) as WriteSummary;
    assert.deepEqual(second.created, []);
    assert.deepEqual(second.overwritten, []);
    assert.deepEqual([...second.unchanged].sort(), [...first.created].sort());

    // The insertion is one workspace edit: one undo (here from an editor of a created file, as a user
    // would press Ctrl+Z) removes every file it created.
    await vscode.window.showTextDocument(vscode.Uri.joinPath(folder(), first.created[0]!));
    await vscode.commands.executeCommand('undo');
    await eventually(async () => {
      for (const file of first.created) assert.ok(!(await exists(vscode.Uri.joinPath(folder(), file))), `${file} was removed by undo`);
    }, 10_000);
  });

  it('refuses a hostile parameter value instead of writing it into code', async () => {
    await activateApi();
    const target = vscode.Uri.joinPath(folder(), 'hostile');
    const summary = await vscode.commands.executeCommand(COMMANDS.insertScaffold, 'outbox-table', 'postgres', {
      folder: target.fsPath,
      interactive: false,
      params: { table: 'outbox; DROP TABLE orders' },
    });
    assert.equal(summary, undefined);
    assert.equal(await exists(target), false, 'nothing was written');
  });
});
