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

// The host's webview HTML links the codicon font's stylesheet under this id; <vscode-icon> (inside
// <vscode-button icon>) looks it up and warns when it is missing. jsdom does not fetch it.
const codicons = document.createElement('link');
codicons.id = 'vscode-codicon-stylesheet';
codicons.rel = 'stylesheet';
codicons.href = 'codicon.css';
document.head.append(codicons);

afterEach(() => {
  cleanup();
  resetRecordings();
  document.body.className = '';
});
