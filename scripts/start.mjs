// `npm start`: builds the extension, installs it into a real VS Code (code-server, installed into
// .cache/ on first use), opens a fresh copy of examples/shop, and prints the URL to open in a browser.
// Runs until Ctrl+C, then stops code-server and everything it started.
//   --dev    load the extension from this checkout (extensionDevelopmentPath) instead of a packaged
//            .vsix, so `npm run watch` + "Developer: Reload Window" picks up changes.
//   PORT=n   listen on n (default 8080, or a free port when 8080 is taken).
import { existsSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { buildExtension, packageVsix } from './vscode/extension.mjs';
import { ensureCodeServer } from './vscode/install.mjs';
import { repoRoot } from './vscode/paths.mjs';
import { freePort, isPortFree } from './vscode/ports.mjs';
import { startCodeServer } from './vscode/server.mjs';
import { workbenchUrl } from './vscode/workbench.mjs';

const started = Date.now();
const dev = process.argv.includes('--dev');
const workspace = path.join(repoRoot, 'examples', 'shop');

/** 8080 unless taken (then any free port); PORT overrides. */
async function choosePort() {
  if (process.env.PORT) {
    const port = Number(process.env.PORT);
    if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT=${process.env.PORT} is not a port number`);
    return port;
  }
  return (await isPortFree(8080)) ? 8080 : freePort();
}

async function main() {
  if (!existsSync(workspace)) throw new Error(`${path.relative(repoRoot, workspace)} is missing: nothing to open.`);
  const codeServer = ensureCodeServer();
  console.log(`[start] code-server: ${path.relative(repoRoot, codeServer)}`);
  console.log('[start] building the extension…');
  buildExtension();
  const vsix = dev ? undefined : packageVsix();
  const server = await startCodeServer({ workspace, vsix, port: await choosePort(), label: 'start' });

  let stopping = false;
  const shutdown = async (/** @type {string} */ signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n[start] ${signal}: stopping code-server…`);
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGHUP', () => void shutdown('SIGHUP'));
  void server.exited.then((code) => {
    if (stopping) return;
    console.error(`[start] code-server exited on its own (code ${code}):\n${server.logs().slice(-2000)}`);
    process.exit(1);
  });

  const url = workbenchUrl({ origin: server.origin, folder: server.workspace, ...(dev ? { extensionDevelopmentPath: repoRoot } : {}) });
  console.log('');
  console.log(`  Event Architect is running in VS Code (code-server 4.100.3) on a copy of examples/shop:`);
  console.log(`  ${url}`);
  console.log('');
  console.log(`  Workspace copy: ${server.workspace}`);
  console.log(`  Ready in ${((Date.now() - started) / 1000).toFixed(1)} s. Press Ctrl+C to stop.`);
}

main().catch((error) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
