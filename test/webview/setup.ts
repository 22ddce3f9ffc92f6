// Runs before every webview test file (vitest.config.ts › project `webview`).
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import { installFakeVsCodeApi, resetRecordings } from './fakeVsCodeApi';

installFakeVsCodeApi();

// jsdom implements ElementInternals without its form-association half. <vscode-button> is form-associated
// and calls setFormValue on every update; our buttons live outside any <form>, so in a browser the call
// has no visible effect either. Filling the gap keeps jsdom from throwing asynchronously. jsdom does not
// expose the ElementInternals class globally, so its prototype is reached through an instance.
class InternalsProbe extends HTMLElement {}
customElements.define('ea-internals-probe', InternalsProbe);
const internalsProto: object = Object.getPrototypeOf(new InternalsProbe().attachInternals());
if (!('setFormValue' in internalsProto)) {
  Object.defineProperty(internalsProto, 'setFormValue', { value: () => undefined });
}

afterEach(() => {
  cleanup();
  resetRecordings();
  document.body.className = '';
});
