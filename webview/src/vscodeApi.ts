// The one handle on the VS Code webview API. `acquireVsCodeApi()` may be called only once per page, so it
// is acquired lazily here and every other module goes through these typed functions.
import type { DiagramWebviewMessage } from '../../src/protocol/diagramMessages';
import type { WebviewMessage } from '../../src/protocol/messages';

interface VsCodeWebviewApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState<T>(state: T): T;
}

declare global {
  // Injected by VS Code into every webview; absent when the bundle is opened anywhere else.
  var acquireVsCodeApi: (() => VsCodeWebviewApi) | undefined;
}

let api: VsCodeWebviewApi | undefined;

function vscodeApi(): VsCodeWebviewApi {
  if (api) return api;
  if (typeof globalThis.acquireVsCodeApi !== 'function') {
    throw new Error('This page must run inside a VS Code webview (acquireVsCodeApi is missing).');
  }
  api = globalThis.acquireVsCodeApi();
  return api;
}

export function postToHost(message: WebviewMessage): void {
  vscodeApi().postMessage(message);
}

/** The Flow Diagram panel's messages (the same page API; another message union). */
export function postDiagramMessage(message: DiagramWebviewMessage): void {
  vscodeApi().postMessage(message);
}

/** The state VS Code kept for this webview across hide/show; unknown until validated by the caller. */
export function loadPersistedState(): unknown {
  return vscodeApi().getState();
}

export function persistState<T>(state: T): void {
  vscodeApi().setState(state);
}
