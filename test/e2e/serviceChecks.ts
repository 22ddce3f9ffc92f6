// Checks an end-to-end test runs on the workspace after a fix or scaffold: `tsc --noEmit` over one
// service (with the shared code it imports), `nginx -t` / `caddy validate` on proxy configs. The workspace
// copy has no node_modules: the compiler resolves packages from this repository's install through a
// tsconfig written outside the workspace, so the check never adds files to the tree being compared.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const run = promisify(execFile);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const modules = path.join(repoRoot, 'node_modules');

export interface CheckResult {
  ok: boolean;
  /** The tool's complaints (first lines), empty when ok. */
  output: string;
  /** tsc: every error line, workspace-relative. */
  errors?: string[];
}

// One compiler at a time: the checks run beside the UI steps on a 2-core machine.
let queue: Promise<unknown> = Promise.resolve();

/** `tsc --noEmit` on `serviceDir` (a folder with package.json) with the workspace's compiler options. */
export function typecheckService(workspace: string, serviceDir: string): Promise<CheckResult> {
  const job = queue.then(() => typecheckNow(workspace, serviceDir));
  queue = job.catch(() => undefined);
  return job;
}

async function typecheckNow(workspace: string, serviceDir: string): Promise<CheckResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ea-e2e-tsc-'));
  try {
    const tsconfig = {
      extends: path.join(workspace, 'tsconfig.json'),
      compilerOptions: {
        noEmit: true,
        baseUrl: workspace,
        // Packages and their types from this repository's install (the copy has no node_modules).
        paths: { '*': [`${modules}/@types/*`, `${modules}/*`] },
        typeRoots: [path.join(modules, '@types')],
        types: ['node'],
      },
      include: [path.join(serviceDir, '**/*.ts'), path.join(serviceDir, '**/*.tsx')],
      exclude: [path.join(serviceDir, '**/node_modules')],
    };
    const file = path.join(dir, 'tsconfig.json');
    fs.writeFileSync(file, JSON.stringify(tsconfig));
    try {
      await run(process.execPath, [path.join(modules, 'typescript', 'bin', 'tsc'), '--noEmit', '-p', file], { maxBuffer: 16 * 1024 * 1024 });
      return { ok: true, output: '', errors: [] };
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string };
      const lines = `${e.stdout ?? ''}${e.stderr ?? ''}`.split('\n').filter((l) => /error TS/.test(l)).map((l) => l.replace(/^.*?\/shop\//, ''));
      return { ok: false, output: `${lines.length} error(s): ${lines.slice(0, 3).join(' | ')}`, errors: lines };
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `nginx -t` on a config that may be a whole nginx.conf (with `events`/`http`) or a server block. */
export async function nginxCheck(configFile: string): Promise<CheckResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ea-e2e-nginx-'));
  try {
    let text = fs.readFileSync(configFile, 'utf8');
    if (!/^\s*events\s*\{/m.test(text)) text = `events {}\nhttp {\n${text}\n}\n`;
    // Upstream host names of the compose file do not resolve here: the syntax and directives are checked.
    text = text.replace(/(proxy_pass\s+https?:\/\/)([A-Za-z_][\w.-]*)/g, (m, scheme: string, host: string) => (/^(localhost|127\.)/.test(host) ? m : `${scheme}127.0.0.1:9`));
    const upstreams = new Set<string>();
    for (const m of text.matchAll(/^\s*upstream\s+([\w.-]+)/gm)) upstreams.add(m[1] ?? '');
    text = text.replace(/server\s+[A-Za-z_][\w.-]*:(\d+)\s*;/g, 'server 127.0.0.1:$1;');
    text = `pid ${path.join(dir, 'nginx.pid')};\nerror_log ${path.join(dir, 'error.log')};\n${text}`;
    text = text.replace(/^(\s*)access_log\s+[^;]+;/gm, `$1access_log ${path.join(dir, 'access.log')};`);
    const file = path.join(dir, 'nginx.conf');
    fs.writeFileSync(file, text);
    try {
      await run('nginx', ['-t', '-q', '-c', file, '-p', dir], { maxBuffer: 4 * 1024 * 1024 });
      return { ok: true, output: '' };
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string };
      return { ok: false, output: `${e.stderr ?? ''}${e.stdout ?? ''}`.trim().split('\n').slice(0, 3).join(' | ') };
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function caddyCheck(configFile: string): Promise<CheckResult> {
  try {
    await run('caddy', ['validate', '--adapter', 'caddyfile', '--config', configFile], { maxBuffer: 4 * 1024 * 1024 });
    return { ok: true, output: '' };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stderr ?? ''}${e.stdout ?? ''}`.trim().split('\n').slice(-3).join(' | ') };
  }
}
