// The browser boundary of a VS Code webview is the global `acquireVsCodeApi()`. jsdom has none, so the
// tests install this recording stand-in: it keeps every posted message and the persisted state, and, like
// the real one, refuses to be acquired twice in one page (the app must acquire it exactly once).
import type { WebviewMessage } from '../../src/protocol/messages';

export interface FakeVsCodeApi {
  posted: WebviewMessage[];
  state: unknown;
  acquisitions: number;
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState<T>(state: T): T;
}

export const fake: FakeVsCodeApi = {
  posted: [],
  state: undefined,
  acquisitions: 0,
  postMessage(message) {
    // Structured clone, as the real channel does: the app must not rely on shared references.
    fake.posted.push(structuredClone(message));
  },
  getState() {
    return fake.state === undefined ? undefined : structuredClone(fake.state);
  },
  setState(state) {
    fake.state = structuredClone(state);
    return state;
  },
};

export function installFakeVsCodeApi(): void {
  (globalThis as { acquireVsCodeApi?: () => FakeVsCodeApi }).acquireVsCodeApi = () => {
    fake.acquisitions += 1;
    if (fake.acquisitions > 1) throw new Error('An instance of the VS Code API has already been acquired');
    return fake;
  };
}

/** Clears what a test recorded; the acquisition count stays, since the app's module keeps its instance. */
export function resetRecordings(initialState?: unknown): void {
  fake.posted = [];
  fake.state = initialState === undefined ? undefined : structuredClone(initialState);
}
