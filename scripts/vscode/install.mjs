// Installs code-server (= VS Code server + workbench, see shared/notes/real-vscode-offline.md) into
// `.cache/code-server/` on first use. It is not a dependency of the extension: only the harness needs it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CODE_SERVER_VERSION, codeServerBin, codeServerPrefix } from './paths.mjs';
import { ensureAptPackages } from './system.mjs';

const marker = path.join(codeServerPrefix, `.installed-${CODE_SERVER_VERSION}`);
// code-server 4.100.3 pins @vscode/ripgrep 1.15.11, whose postinstall downloads rg from GitHub unless
// this file is already in its cache under $TMPDIR. The same binary ships in an npm package.
const RG_CACHE = 'vscode-ripgrep-cache-1.15.11';
const RG_TARBALL = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
const RG_NPM_PACKAGE = '@vscode/ripgrep-linux-x64@1.18.0';

export function isCodeServerInstalled() {
  return existsSync(marker) && existsSync(codeServerBin);
}

/** @param {string} tmp */
function seedRipgrep(tmp) {
  const target = path.join(tmp, RG_CACHE, RG_TARBALL);
  if (existsSync(target)) return;
  const packDir = path.join(tmp, 'rg-pack');
  mkdirSync(packDir, { recursive: true });
  execFileSync('npm', ['pack', RG_NPM_PACKAGE, '--pack-destination', packDir, '--silent'], { cwd: packDir, stdio: ['ignore', 'ignore', 'inherit'] });
  const tgz = readdirSync(packDir).find((f) => f.endsWith('.tgz'));
  if (!tgz) throw new Error(`npm pack ${RG_NPM_PACKAGE} produced no tarball in ${packDir}`);
  execFileSync('tar', ['xzf', tgz], { cwd: packDir });
  mkdirSync(path.dirname(target), { recursive: true });
  execFileSync('tar', ['czf', target, '-C', path.join(packDir, 'package', 'bin'), 'rg']);
}

/**
 * Makes sure code-server is installed and returns its executable.
 * @param {(line: string) => void} [log]
 * @returns {string}
 */
export function ensureCodeServer(log = console.log) {
  if (isCodeServerInstalled()) return codeServerBin;
  // Its `kerberos` addon is compiled from source during install.
  ensureAptPackages(['libkrb5-dev', 'build-essential', 'python3'], log);
  const started = Date.now();
  log(`[code-server] installing code-server@${CODE_SERVER_VERSION} into ${path.relative(process.cwd(), codeServerPrefix) || codeServerPrefix} (once, ~1-2 min)…`);
  rmSync(codeServerPrefix, { recursive: true, force: true });
  const tmp = path.join(codeServerPrefix, 'tmp');
  mkdirSync(tmp, { recursive: true });
  // An own package.json so npm never walks up to the extension's manifest.
  writeFileSync(path.join(codeServerPrefix, 'package.json'), JSON.stringify({ name: 'ea-code-server-cache', private: true }, null, 2));
  seedRipgrep(tmp);
  execFileSync(
    'npm',
    ['i', '--prefix', codeServerPrefix, '--unsafe-perm', '--foreground-scripts', '--no-audit', '--no-fund', '--loglevel', 'error', `code-server@${CODE_SERVER_VERSION}`],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
      // node-pty's postinstall runs `npx node-gyp`: it must not stop to ask.
      env: { ...process.env, npm_config_yes: 'true', TMPDIR: tmp },
    },
  );
  if (!existsSync(codeServerBin)) throw new Error(`code-server install finished but ${codeServerBin} is missing`);
  rmSync(tmp, { recursive: true, force: true });
  writeFileSync(marker, new Date().toISOString());
  log(`[code-server] installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return codeServerBin;
}
