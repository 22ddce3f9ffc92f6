// Builds the extension and packages it as a .vsix (installed by server.mjs › startCodeServer({ vsix })).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cacheRoot, repoRoot } from './paths.mjs';

/** @param {string[]} args @param {string} what */
function run(args, what) {
  try {
    execFileSync(args[0] ?? '', args.slice(1), { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  } catch (e) {
    const err = /** @type {{ stdout?: string, stderr?: string }} */ (e);
    throw new Error(`${what} failed:\n${err.stdout ?? ''}${err.stderr ?? ''}`, { cause: e });
  }
}

/** `npm run build` (dev bundles with source maps). @param {string[]} [extra] */
export function buildExtension(extra = []) {
  run(['npm', 'run', 'build', '--silent', '--', ...extra], 'npm run build');
  if (!existsSync(path.join(repoRoot, 'dist', 'extension.js'))) {
    throw new Error('npm run build produced no dist/extension.js (is src/host/extension.ts there?)');
  }
}

/**
 * Packages the already built dist/ into .cache/event-architect.vsix and returns its path. This .vsix is
 * for the local code-server only: README links and images resolve to this checkout (vsce refuses
 * relative images unless it can derive a public base URL). `out`: another path (a benchmark's own copy).
 */
export function packageVsix(out = path.join(cacheRoot, 'event-architect.vsix')) {
  mkdirSync(path.dirname(out), { recursive: true });
  const base = `${pathToFileURL(repoRoot).href}/`;
  const vsce = path.join(repoRoot, 'node_modules', '.bin', 'vsce');
  run([vsce, 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--baseContentUrl', base, '--baseImagesUrl', base, '--out', out], 'vsce package');
  return out;
}
