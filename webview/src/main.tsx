// Entry of dist/webview.js (an ES module; Mermaid is a chunk of its own, see scripts/build.mjs). The host's HTML provides <div id="root">, the CSP nonce and, for the
// codicons used by @vscode-elements, <link id="vscode-codicon-stylesheet">.
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { DiagramApp } from './diagram/DiagramApp';
import './styles.css';

const container = document.getElementById('root') ?? document.body.appendChild(document.createElement('div'));

// A crash shows a sentence in the view instead of a blank panel.
createRoot(container, {
  onUncaughtError(error) {
    container.textContent = `Event Architect could not start: ${error instanceof Error ? error.message : String(error)}`;
  },
  // One bundle, two surfaces: the host's HTML says which (the sidebar's pages or the Flow Diagram panel).
}).render(container.dataset.surface === 'diagram' ? <DiagramApp /> : <App />);
