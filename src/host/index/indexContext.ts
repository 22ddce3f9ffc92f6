// Context keys the views' welcome content (package.json › viewsWelcome) is keyed on, and the progress bar
// of the Event Flows view while indexing. Each state gets its own welcome: not indexed yet (one button),
// indexing (no button, a progress bar), no event code found (guidance and the principles), an error (the
// action that recovers). Set from activation on, so no welcome shows a button for a state already left.
import * as vscode from 'vscode';
import type { IndexStatus } from '../../protocol/messages';

export const CONTEXT_KEYS = {
  /** `idle` | `indexing` | `ready` | `error` */
  indexState: 'eventArchitect.indexState',
  /** The last result has at least one detection (event code was found). */
  hasDetections: 'eventArchitect.hasDetections',
} as const;

export interface IndexStatusSource {
  readonly onDidChangeStatus: vscode.Event<IndexStatus>;
  readonly status: IndexStatus;
}

/** `progressViews`: views that show a progress bar while indexing. */
export function registerIndexContext(
  index: IndexStatusSource,
  progressViews: readonly string[],
  store: { add<T extends vscode.Disposable>(d: T): T },
): void {
  let finishProgress: (() => void) | undefined;
  const apply = (status: IndexStatus): void => {
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.indexState, status.state);
    if (status.state === 'ready') void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.hasDetections, status.detections > 0);
    if (status.state === 'indexing' && !finishProgress) {
      const done = new Promise<void>((resolve) => (finishProgress = resolve));
      for (const viewId of progressViews) void vscode.window.withProgress({ location: { viewId } }, () => done);
    } else if (status.state !== 'indexing' && finishProgress) {
      finishProgress();
      finishProgress = undefined;
    }
  };
  store.add(index.onDidChangeStatus(apply));
  store.add({ dispose: () => finishProgress?.() });
  apply(index.status);
}
