import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** A fresh nonce per page load: only our own bundle may run (CSP `script-src 'nonce-…'`). */
export function createNonce(): string {
  return randomBytes(18).toString('base64');
}

export interface WebviewHtmlInput {
  webview: vscode.Webview;
  extensionUri: vscode.Uri;
  nonce: string;
  title: string;
  /** Which app the shared bundle starts: the sidebar's pages (default) or the Flow Diagram panel. */
  surface?: 'architecture' | 'diagram';
}

/**
 * The page shell of the Architecture view. `default-src 'none'` denies everything not listed; styles
 * allow 'unsafe-inline' because Mermaid writes `<style>` into the SVG it renders and the webview
 * elements set inline styles. The entry script runs only with the nonce; the chunks it imports on demand
 * (dist/chunks/*.js, Mermaid) carry no nonce, so `script-src` also allows the extension's own resources
 * (`cspSource`, limited by `localResourceRoots` to dist/ and media/) — never inline or remote script.
 */
export function renderWebviewHtml({ webview, extensionUri, nonce, title, surface = 'architecture' }: WebviewHtmlInput): string {
  const asset = (...parts: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...parts)).toString();
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' ${webview.cspSource}`,
    `style-src ${webview.cspSource} 'unsafe-inline'`,
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('dist', 'codicons', 'codicon.css')}" id="vscode-codicon-stylesheet">
<link rel="stylesheet" href="${asset('dist', 'webview.css')}">
<title>${escapeHtml(title)}</title>
</head>
<body>
<div id="root" data-surface="${surface}"><p role="status" class="page boot">Loading Event Architect…</p></div>
<script type="module" nonce="${nonce}" src="${asset('dist', 'webview.js')}"></script>
</body>
</html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
