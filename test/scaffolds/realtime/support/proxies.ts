// Our own nginx and caddy processes (never the system services), each with a generated config in a temp
// folder and a free port, stopped by pid when the test ends.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForPort } from './net';

export interface RunningProxy {
  name: 'nginx' | 'caddy';
  port: number;
  /** Everything the process wrote to stdout/stderr (for failure messages). */
  log(): string;
  stop(): Promise<void>;
}

export function hasBinary(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

function track(child: ChildProcess): () => string {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return () => output;
}

function stopChild(child: ChildProcess, dir: string, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(killTimer);
      rmSync(dir, { recursive: true, force: true });
      resolve();
    };
    if (child.exitCode !== null || child.signalCode !== null) {
      rmSync(dir, { recursive: true, force: true });
      resolve();
      return;
    }
    child.once('exit', done);
    child.kill(signal);
    const killTimer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  });
}

/** Validates a complete nginx.conf with `nginx -t`; returns nginx's output when it fails. */
export function nginxConfigTest(dir: string, conf: string): { ok: boolean; output: string } {
  const result = spawnSync('nginx', ['-t', '-p', dir, '-c', conf, '-e', join(dir, 'error.log')], { encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

/** Starts nginx with `serverBlockBody` (e.g. a generated `location` block) inside one server block. */
export async function startNginx(serverBlockBody: string): Promise<RunningProxy> {
  const dir = mkdtempSync(join(tmpdir(), 'ea-rt-nginx-'));
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, sub));
  const port = await freePort();
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path ${dir}/body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    server {
        listen 127.0.0.1:${port};
${serverBlockBody}
    }
}
`,
  );
  const test = nginxConfigTest(dir, conf);
  if (!test.ok) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`nginx -t rejected the generated config:\n${test.output}`);
  }
  const child = spawn('nginx', ['-p', dir, '-c', conf, '-e', join(dir, 'error.log')], { stdio: ['ignore', 'pipe', 'pipe'] });
  const log = track(child);
  await waitForPort(port, 'nginx');
  // SIGTERM is nginx's fast shutdown: open streams are cut, nothing waits for them.
  return { name: 'nginx', port, log, stop: () => stopChild(child, dir, 'SIGTERM') };
}

/** Starts caddy with `siteBody` (e.g. a generated `handle` block) inside one plain-HTTP site. */
export async function startCaddy(siteBody: string): Promise<RunningProxy> {
  const dir = mkdtempSync(join(tmpdir(), 'ea-rt-caddy-'));
  const port = await freePort();
  const caddyfile = join(dir, 'Caddyfile');
  writeFileSync(
    caddyfile,
    `{
	admin off
	auto_https off
	storage file_system ${dir}/data
}

http://127.0.0.1:${port} {
${siteBody}
}
`,
  );
  const env = { ...process.env, HOME: dir, XDG_DATA_HOME: join(dir, 'data'), XDG_CONFIG_HOME: join(dir, 'config') };
  const validate = spawnSync('caddy', ['validate', '--config', caddyfile, '--adapter', 'caddyfile'], { encoding: 'utf8', env });
  if (validate.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`caddy validate rejected the generated config:\n${validate.stdout}${validate.stderr}`);
  }
  const child = spawn('caddy', ['run', '--config', caddyfile, '--adapter', 'caddyfile'], { stdio: ['ignore', 'pipe', 'pipe'], env });
  const log = track(child);
  await waitForPort(port, 'caddy');
  // Caddy's SIGTERM shutdown takes ~2 s even when idle; this throw-away instance keeps no state worth it.
  return { name: 'caddy', port, log, stop: () => stopChild(child, dir, 'SIGKILL') };
}
