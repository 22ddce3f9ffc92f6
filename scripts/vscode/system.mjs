// System (apt) packages the harness needs. Installing them needs root; otherwise we print the exact
// command instead of failing somewhere deep inside a build with an unclear message.
import { execFileSync, spawnSync } from 'node:child_process';

/** @param {string} pkg */
function isInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/** @param {string[]} pkgs @returns {string[]} */
export function missingAptPackages(pkgs) {
  return pkgs.filter((p) => !isInstalled(p));
}

/** The command a non-root user has to run to get `pkgs`. @param {string[]} pkgs */
export function aptCommand(pkgs) {
  return `sudo apt-get update && sudo apt-get install -y ${pkgs.join(' ')}`;
}

/**
 * Installs the missing packages when we are root, else throws with the command to run.
 * @param {string[]} pkgs
 * @param {(line: string) => void} log
 */
export function ensureAptPackages(pkgs, log) {
  const missing = missingAptPackages(pkgs);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Missing system packages: ${missing.join(', ')}. Install them with:\n  ${aptCommand(missing)}`);
  }
  log(`[apt] installing ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
}
