// `npm run test:electron`: the same extension-host suite (test/vscode/suite) in desktop VS Code, via
// @vscode/test-electron, for contributors with internet access (it downloads VS Code into .vscode-test/
// on first use). Machines without network use `npm test` instead, which runs the suite in code-server.
// On a headless Linux box wrap it in `xvfb-run -a`.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

// Keep at the version `engines.vscode` and @types/vscode allow, the one code-server 4.100.3 ships.
const VSCODE_VERSION = '1.100.3';

async function main(): Promise<number> {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  // A fresh copy of the example and fresh user data: edits and backups never leak between runs.
  const runDir = mkdtempSync(path.join(os.tmpdir(), 'ea-electron-'));
  const workspace = path.join(runDir, 'shop');
  cpSync(path.join(repoRoot, 'examples', 'shop'), workspace, { recursive: true, filter: (src) => !src.split(path.sep).includes('node_modules') });
  try {
    await runTests({
      version: VSCODE_VERSION,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'out', 'test', 'vscode', 'suite', 'index'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', path.join(runDir, 'user-data')],
    });
    return 0;
  } catch (error) {
    console.error(`Extension tests failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    rmSync(runDir, { recursive: true, force: true });
  }
}

main().then((code) => {
  process.exitCode = code;
});
