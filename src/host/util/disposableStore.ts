import type * as vscode from 'vscode';

/**
 * Owns disposables from the moment they are created. Two stores exist at runtime: the extension's
 * (lives until deactivate) and each index session's (replaced on re-index or workspace change), so a
 * restart of the index never leaks a watcher or a worker.
 */
export class DisposableStore implements vscode.Disposable {
  private readonly items: vscode.Disposable[] = [];
  private disposed = false;

  add<T extends vscode.Disposable>(item: T): T {
    if (this.disposed) {
      item.dispose();
    } else {
      this.items.push(item);
    }
    return item;
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    // Reverse order: later services may depend on earlier ones.
    for (const item of this.items.splice(0).reverse()) {
      try {
        item.dispose();
      } catch {
        // A failing dispose must not keep the others alive.
      }
    }
  }
}
