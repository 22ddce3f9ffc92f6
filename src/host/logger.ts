import * as vscode from 'vscode';

/** The extension's log: one LogOutputChannel ("Event Architect"), level controlled by the user. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
  debug(message: string): void;
  show(): void;
}

export function createLogger(store: { add<T extends vscode.Disposable>(d: T): T }): Logger {
  const channel = store.add(vscode.window.createOutputChannel('Event Architect', { log: true }));
  return {
    info: (m) => channel.info(m),
    warn: (m) => channel.warn(m),
    debug: (m) => channel.debug(m),
    error: (m, e) => channel.error(e === undefined ? m : `${m}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
    show: () => channel.show(true),
  };
}
