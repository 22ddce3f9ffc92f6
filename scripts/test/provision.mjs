// What `npm test` needs from the machine: system packages and the servers the scaffold proofs talk to.
// As root it installs/starts what is missing; otherwise it prints the exact command and lets the layers
// that need it fail with their own message.
import { execSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { cacheRoot } from '../vscode/paths.mjs';
import { aptCommand, ensureAptPackages, missingAptPackages } from '../vscode/system.mjs';
import { waitForPort } from '../vscode/ports.mjs';

/** Browser for the UI tests, kerberos headers for code-server's addon, proxies and servers for the scaffold proofs. */
export const APT_PACKAGES = [
  'chromium',
  'libkrb5-dev',
  'build-essential',
  'python3',
  'nginx',
  'caddy',
  'postgresql',
  'mariadb-server',
  'redis-server',
  'rabbitmq-server',
  'nats-server',
];

/** Each server, its port, and the command that starts it without systemd (containers have none). */
export const SERVERS = [
  { name: 'PostgreSQL', port: 5432, start: 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start' },
  {
    name: 'Redis',
    port: 6379,
    start: 'redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log',
  },
  { name: 'RabbitMQ', port: 5672, start: 'rabbitmq-server -detached' },
  {
    name: 'NATS JetStream',
    port: 4222,
    start: 'start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log',
  },
  // mariadbd drops to the `mysql` user from its config; its socket folder must exist first.
  { name: 'MariaDB', port: 3306, prepare: 'install -d -o mysql -g mysql /run/mysqld', start: 'start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd' },
];

const isRoot = () => process.getuid?.() === 0;

/** @param {(line: string) => void} log @returns {string[]} problems (empty when all is in place) */
export function provisionPackages(log) {
  const missing = missingAptPackages(APT_PACKAGES);
  if (missing.length === 0) return [];
  if (!isRoot()) return [`missing system packages; run: ${aptCommand(missing)}`];
  try {
    ensureAptPackages(missing, log);
    return [];
  } catch (error) {
    return [`apt-get install ${missing.join(' ')} failed: ${error instanceof Error ? error.message : String(error)}`];
  }
}

/** @param {number} port */
async function isListening(port) {
  try {
    await waitForPort(port, '127.0.0.1', 0);
    return true;
  } catch {
    return false;
  }
}

/** @param {(line: string) => void} log @returns {Promise<string[]>} problems */
export async function provisionServers(log) {
  const problems = [];
  for (const server of SERVERS) {
    if (await isListening(server.port)) continue;
    if (!isRoot()) {
      problems.push(`${server.name} is not listening on ${server.port}; start it with (as root): ${server.start}`);
      continue;
    }
    log(`[provision] starting ${server.name}: ${server.start}`);
    // Daemons may keep inherited descriptors open; give them a log file, never our stdout (a pipe
    // held open by a daemon would keep `npm test | tee …` from ever ending).
    mkdirSync(cacheRoot, { recursive: true });
    const logFile = path.join(cacheRoot, 'provision.log');
    const fd = openSync(logFile, 'a');
    try {
      const opts = /** @type {const} */ ({ stdio: ['ignore', fd, fd], shell: '/bin/bash', timeout: 120_000 });
      if (server.prepare) execSync(server.prepare, opts);
      execSync(server.start, opts);
      await waitForPort(server.port, '127.0.0.1', 90_000);
    } catch (error) {
      problems.push(`${server.name} did not come up on ${server.port} (see ${path.relative(process.cwd(), logFile)}): ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      closeSync(fd);
    }
  }
  return problems;
}
