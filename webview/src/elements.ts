// The @vscode-elements React wrappers we use, imported one by one: the package's barrel also loads
// components that need constructable stylesheets at import time, and per-component imports keep the
// bundle smaller. Re-exported under names so the rest of the app uses named imports only.
export { default as VscodeButton } from '@vscode-elements/react-elements/dist/components/VscodeButton.js';
export { default as VscodeProgressBar } from '@vscode-elements/react-elements/dist/components/VscodeProgressBar.js';
export { default as VscodeBadge } from '@vscode-elements/react-elements/dist/components/VscodeBadge.js';
