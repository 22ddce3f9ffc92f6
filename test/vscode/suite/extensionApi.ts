// How the tests reach the extension: through the API object `activate()` returns, the same way another
// extension would. Only the members the tests use are named here (structural, so a richer API is fine).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'event-architect.event-architect';

export interface ArchitecturePageApi {
  readonly currentPage: { kind: string; id?: string };
  readonly isReady: boolean;
}

export interface EventArchitectApi {
  readonly principlesTree: vscode.TreeDataProvider<unknown>;
  readonly architecture: ArchitecturePageApi;
}

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded in this extension host`);
  return ext;
}

export async function activateApi(): Promise<EventArchitectApi> {
  const ext = extension();
  const api = (await ext.activate()) as Partial<EventArchitectApi> | undefined;
  assert.ok(api && typeof api === 'object', 'activate() returned no API object');
  assert.ok(api.principlesTree, 'the API has no principlesTree (TreeDataProvider of the Principles view)');
  assert.ok(api.architecture, 'the API has no architecture (the Architecture webview view)');
  return api as EventArchitectApi;
}

export function labelOf(item: vscode.TreeItem): string {
  const label = item.label;
  if (typeof label === 'string') return label;
  return label?.label ?? '';
}

export async function childrenOf(tree: vscode.TreeDataProvider<unknown>, node?: unknown): Promise<unknown[]> {
  return (await tree.getChildren(node)) ?? [];
}

export async function itemOf(tree: vscode.TreeDataProvider<unknown>, node: unknown): Promise<vscode.TreeItem> {
  return await tree.getTreeItem(node);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` until it holds; the last failure is the error. */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(100);
    }
  }
}
