// Where the real-VS Code harness keeps its things. Everything it downloads or writes lives under the
// ignored `.cache/` folder of the checkout (like test-electron's `.vscode-test/`), never under $HOME.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cacheRoot = path.join(repoRoot, '.cache');
export const CODE_SERVER_VERSION = '4.100.3';
export const codeServerPrefix = path.join(cacheRoot, 'code-server');
export const codeServerBin = path.join(codeServerPrefix, 'node_modules', '.bin', 'code-server');
/** Per-run folders (user data, workspace copies) go here so a crashed run leaves nothing in /tmp. */
export const runsRoot = path.join(cacheRoot, 'runs');
export const chromiumPath = '/usr/bin/chromium';
