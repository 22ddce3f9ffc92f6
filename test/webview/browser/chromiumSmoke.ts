// Chromium smoke check of the built webview (`dist/webview.js` + `.css`), for what jsdom cannot show:
// Mermaid really draws an SVG, the @vscode-elements custom elements upgrade and click, codicons load, and
// nothing trips the Content-Security-Policy the host sets. The page mirrors the host's webview HTML (CSP
// with a nonce, codicon <link id="vscode-codicon-stylesheet">); acquireVsCodeApi is a recording stand-in,
// as in the jsdom tests. Run: `node scripts/build.mjs` (or any build of the webview bundle), then
// `npx tsx test/webview/browser/chromiumSmoke.ts [bundleDir]`. Needs /usr/bin/chromium; exits 1 on failure.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { smokeProducerLocation, smokeSnapshot } from './smokeData';

const root = path.resolve(__dirname, '../../..');
const bundleDir = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
const codicons = path.join(root, 'node_modules/@vscode/codicons/dist');
const nonce = 'c21va2Utbm9uY2U';
const failures: string[] = [];

function check(ok: boolean, what: string): void {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

// A few of the variables VS Code defines on a webview's <html> (Dark Modern values), so screenshots look
// like the real view; VS Code itself provides all of them.
const THEME_VARIABLES = `html{--vscode-foreground:#cccccc;--vscode-editor-background:#1f1f1f;--vscode-font-family:system-ui,sans-serif;
--vscode-font-size:13px;--vscode-editor-font-family:monospace;--vscode-textLink-foreground:#4daafc;--vscode-textLink-activeForeground:#4daafc;
--vscode-descriptionForeground:#9d9d9d;--vscode-focusBorder:#0078d4;--vscode-panel-border:#2b2b2b;--vscode-widget-border:#313131;
--vscode-editorWidget-background:#202020;--vscode-textCodeBlock-background:#2b2b2b;--vscode-button-background:#0078d4;
--vscode-button-foreground:#ffffff;--vscode-button-secondaryBackground:#313131;--vscode-button-secondaryForeground:#cccccc;
--vscode-textBlockQuote-background:#2b2b2b;--vscode-textBlockQuote-border:#616161;--vscode-errorForeground:#f85149;
--vscode-dropdown-background:#313131;--vscode-dropdown-foreground:#cccccc;--vscode-dropdown-border:#3c3c3c;
--vscode-panelTitle-activeBorder:#0078d4;--vscode-list-hoverBackground:#2a2d2e}`;

function page(origin: string): string {
  // As the host's (src/host/architecture/webviewHtml.ts): the module entry by nonce, its chunks by origin.
  const csp = `default-src 'none'; script-src 'nonce-${nonce}' ${origin}; style-src ${origin} 'unsafe-inline'; img-src ${origin} data:; font-src ${origin}`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<link rel="stylesheet" id="vscode-codicon-stylesheet" href="${origin}/codicon.css" nonce="${nonce}">
<link rel="stylesheet" href="${origin}/webview.css">
<style>${THEME_VARIABLES}</style>
</head><body class="vscode-dark"><div id="root"></div>
<script type="module" nonce="${nonce}" src="${origin}/webview.js"></script></body></html>`;
}

const FILES: Record<string, [string, string]> = {
  '/webview.js': [path.join(bundleDir, 'webview.js'), 'text/javascript'],
  '/webview.css': [path.join(bundleDir, 'webview.css'), 'text/css'],
  '/codicon.css': [path.join(codicons, 'codicon.css'), 'text/css'],
  '/codicon.ttf': [path.join(codicons, 'codicon.ttf'), 'font/ttf'],
};

/** Every path the page asked for, in order: shows when the Mermaid chunks are fetched. */
const requested: string[] = [];

function serve(): Promise<Server> {
  const server = createServer((req, res) => {
    const origin = `http://${req.headers.host ?? ''}`;
    const url = (req.url ?? '/').split('?')[0] ?? '/';
    requested.push(url);
    if (url === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (url === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(page(origin));
      return;
    }
    // The chunks the entry imports on demand (Mermaid), served like the host serves dist/chunks/.
    const chunk = /^\/chunks\/[\w.-]+\.js$/.test(url) ? [path.join(bundleDir, url), 'text/javascript'] as [string, string] : undefined;
    const file = FILES[url] ?? chunk;
    if (!file || !existsSync(file[0])) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file[1] }).end(readFileSync(file[0]));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const RECORDING_API = `
  window.__posted = [];
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
  let state;
  window.acquireVsCodeApi = () => ({
    postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))),
    getState: () => state,
    setState: (s) => (state = s),
  });
`;

/** With EA_SMOKE_SCREENSHOTS=/some/prefix, saves `<prefix>-<name>.png` to look at. */
async function screenshot(p: Page, name: string): Promise<void> {
  const prefix = process.env.EA_SMOKE_SCREENSHOTS;
  if (prefix) await p.screenshot({ path: `${prefix}-${name}.png`, fullPage: true });
}

type Posted = { type: string; [key: string]: unknown };
const posted = (p: Page): Promise<Posted[]> => p.evaluate(() => (window as unknown as { __posted: Posted[] }).__posted);
const fromHost = (p: Page, message: unknown): Promise<void> => p.evaluate((m) => window.postMessage(m, '*'), message);

/**
 * Polls from Node: Playwright's waitForFunction evaluates its predicate in a way the page's CSP (no
 * 'unsafe-eval') blocks, and the point here is to keep that CSP on.
 */
async function waitUntil(p: Page, predicate: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await predicate()) return true;
    await p.waitForTimeout(50);
  }
  return false;
}

async function run(p: Page, origin: string): Promise<void> {
  await p.goto(origin);
  await waitUntil(p, async () => (await posted(p)).length > 0, 10_000);
  check(JSON.stringify((await posted(p))[0]) === '{"type":"ready"}', 'ready is the first message');
  // The entry's static imports (esbuild's shared runtime helpers) load with it; Mermaid must not.
  const entryImports = new Set([...readFileSync(FILES['/webview.js']![0], 'utf8').matchAll(/(?:from|import)\s*"\.(\/chunks\/[\w.-]+\.js)"/g)].map((m) => m[1]));
  const early = requested.filter((u) => u.startsWith('/chunks/') && !entryImports.has(u));
  check(early.length === 0, `no Mermaid chunk is fetched before a diagram is drawn${early.length ? ` (${early.join(', ')})` : ''}`);

  const started = Date.now();
  await fromHost(p, { type: 'snapshot', snapshot: smokeSnapshot });
  const svg = p.locator('.diagram-svg svg');
  await svg.waitFor({ timeout: 20_000 }).catch(() => undefined);
  check((await svg.count()) === 1, `Mermaid drew the flow diagram (${Date.now() - started} ms)`);
  check(requested.some((u) => u.startsWith('/chunks/')), `the diagram loaded Mermaid as chunks (${requested.filter((u) => u.startsWith('/chunks/')).length} fetched)`);
  check((await p.locator('.diagram-svg').textContent())?.includes('orders.created') ?? false, 'the diagram shows the channel');
  check((await p.locator('.diagram-error').count()) === 0, 'no diagram error');
  const darkSvg = (await p.locator('.diagram-svg').innerHTML()).length;
  await screenshot(p, 'flows');
  const widthOf = (): Promise<string> => p.locator('.diagram-svg svg').evaluate((svg) => (svg as SVGSVGElement).style.width);
  const natural = await widthOf();
  await p.getByRole('button', { name: 'Fit to width' }).click();
  check(/px$/.test(natural) && (await widthOf()) === '100%', `"Fit to width" switches the diagram from ${natural} to 100%`);
  await p.getByRole('button', { name: 'Fit to width' }).click();

  await p.getByRole('button', { name: 'Open producer src/orders/service.ts:42' }).click();
  check(JSON.stringify((await posted(p)).at(-1)) === JSON.stringify({ type: 'openLocation', location: smokeProducerLocation }), 'clicking a producer posts openLocation');

  await p.evaluate(() => document.body.classList.replace('vscode-dark', 'vscode-light'));
  await waitUntil(p, async () => (await p.locator('.diagram-svg').innerHTML()).length !== darkSvg, 10_000);
  check((await p.locator('.diagram-svg').innerHTML()).length !== darkSvg, 'a theme switch redraws the diagram');

  // High contrast: the workbench's contrast colours become the diagram's.
  await p.evaluate(() => {
    const root = document.documentElement.style;
    root.setProperty('--vscode-editor-background', '#000000');
    root.setProperty('--vscode-foreground', '#ffffff');
    root.setProperty('--vscode-contrastBorder', '#6fc3df');
    root.setProperty('--vscode-contrastActiveBorder', '#f38518');
    document.body.classList.replace('vscode-light', 'vscode-high-contrast');
  });
  const hasContrast = (): Promise<boolean> => p.locator('.diagram-svg').innerHTML().then((h) => h.toLowerCase().includes('#6fc3df'));
  check(await waitUntil(p, hasContrast, 10_000), 'high contrast draws the diagram with --vscode-contrastBorder');
  await screenshot(p, 'high-contrast');

  await p.getByRole('button', { name: 'Decisions' }).click();
  await p.getByRole('button', { name: /Yes — the server has news/ }).click();
  await p.getByRole('button', { name: /Server → client only/ }).click();
  await p.getByRole('button', { name: /No, plain HTTP handlers/ }).click();
  await p.getByRole('button', { name: /Nothing, or a CDN/ }).click();
  await p.locator('vscode-button', { hasText: 'Insert scaffold' }).click();
  check(JSON.stringify((await posted(p)).at(-1)) === '{"type":"insertScaffold","scaffoldId":"sse-endpoint"}', '<vscode-button> Insert scaffold posts insertScaffold');
  check((await p.locator('vscode-button[disabled]', { hasText: 'Back' }).count()) === 0, 'Back is enabled at a leaf (element properties are set)');

  await screenshot(p, 'decision');

  // Keyboard only: Start over, then Enter on an answer, then Space on the <vscode-button>.
  await p.locator('vscode-button', { hasText: 'Start over' }).focus();
  await p.keyboard.press('Enter');
  await p.getByRole('button', { name: /Yes — the server has news/ }).focus();
  await p.keyboard.press('Enter');
  const focused = await p.evaluate(() => document.activeElement?.textContent ?? '');
  check(focused === 'Which way do the messages flow?', `Enter answers and focus moves to the next question (${focused})`);
  await p.getByRole('button', { name: /Both ways/ }).click();
  await p.getByRole('button', { name: /More than one/ }).click();
  await p.getByRole('button', { name: 'socket.io' }).click();
  await p.locator('vscode-button', { hasText: 'Insert scaffold' }).focus();
  await p.keyboard.press('Space');
  check(JSON.stringify((await posted(p)).at(-1)) === '{"type":"insertScaffold","scaffoldId":"socketio-redis-adapter"}', 'Space on <vscode-button> inserts the scaffold');
  await p.getByRole('button', { name: 'Show principle' }).click();
  check((await p.getByRole('heading', { level: 2, name: 'When not' }).count()) === 1, 'Show principle opens the principle with its When not section');
  await screenshot(p, 'principle');

  await p.evaluate(() => document.fonts.ready);
  const codicon = await p.evaluate(() => [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'codicon' && f.status === 'loaded'));
  check(codicon, 'the codicon font loaded under the CSP');
  const violations = await p.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
  check(violations.length === 0, `no CSP violations${violations.length ? `: ${violations.join(' | ')}` : ''}`);
}

async function main(): Promise<void> {
  if (!existsSync(FILES['/webview.js']![0])) {
    console.error(`No webview bundle in ${bundleDir}: run \`node scripts/build.mjs\` first.`);
    process.exit(1);
  }
  const server = await serve();
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
  const consoleErrors: string[] = [];
  try {
    // EA_SMOKE_WIDTH=300 looks at the page as the narrow sidebar view shows it.
    const p = await browser.newPage({ viewport: { width: Number(process.env.EA_SMOKE_WIDTH ?? 1000), height: 900 } });
    p.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    p.on('pageerror', (e) => consoleErrors.push(e.message));
    // The recording stand-in for VS Code's injected API, installed before any page script runs. A string,
    // not a function: tsx would wrap a function's inner closures in its `__name` helper, absent in the page.
    await p.addInitScript(RECORDING_API);
    await run(p, origin).catch((error: unknown) => check(false, `the walk-through finished (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`));
    check(consoleErrors.length === 0, `no console errors${consoleErrors.length ? `: ${consoleErrors.join(' | ')}` : ''}`);
  } finally {
    await browser.close();
    server.close();
  }
  if (failures.length > 0) {
    console.error(`${failures.length} check(s) failed.`);
    process.exit(1);
  }
}

void main();
