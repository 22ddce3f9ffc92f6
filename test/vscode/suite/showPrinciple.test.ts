import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateApi, eventually, sleep } from './extensionApi';
import type { EventArchitectApi } from './extensionApi';

describe('Show Principle', () => {
  let api: EventArchitectApi;

  before(async () => {
    api = await activateApi();
  });

  it('opens the page of the principle whose id it is given', async () => {
    await vscode.commands.executeCommand('eventArchitect.showPrinciple', 'outbox-pattern');
    assert.ok(api.architecture.isReady, 'the Architecture webview did not load');
    assert.deepEqual(api.architecture.currentPage, { kind: 'principle', id: 'outbox-pattern' });

    await vscode.commands.executeCommand('eventArchitect.showPrinciple', 'broker-matching');
    assert.deepEqual(api.architecture.currentPage, { kind: 'principle', id: 'broker-matching' });
  });

  it('asks with a quick pick for an unknown id, and changes nothing when the pick is dismissed', async () => {
    await vscode.commands.executeCommand('eventArchitect.showPrinciple', 'sse-default');
    const pending = vscode.commands.executeCommand('eventArchitect.showPrinciple', 'no-such-principle');
    // The quick pick opens asynchronously; closing it before it is shown would leave the command waiting.
    await sleep(500);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await pending;
    assert.deepEqual(api.architecture.currentPage, { kind: 'principle', id: 'sse-default' });
  });

  it('opens the Architecture view from its command', async () => {
    await vscode.commands.executeCommand('eventArchitect.openArchitectureView');
    await eventually(() => assert.ok(api.architecture.isReady, 'the Architecture webview is not ready'));
  });
});
