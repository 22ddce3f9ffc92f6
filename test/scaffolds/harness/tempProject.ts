// A throw-away TypeScript project holding generated scaffold files, so the proof tests check them the way
// a user's project would: `tsc --strict --noEmit` against the real libraries' types (the repository's
// node_modules, symlinked), then real Node ESM execution of an esbuild bundle of the generated modules.
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve, isAbsolute, normalize, relative } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const runsRoot = join(repoRoot, '.cache', 'scaffold-runs');
const tscBin = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');

/** What a scaffold emits; structurally the same as `ScaffoldFile`, so either can be written. */
export interface ProjectFile {
  path: string;
  content: string;
}

export interface TypecheckResult {
  ok: boolean;
  /** tsc's diagnostics, one per line (empty when ok). */
  output: string;
  durationMs: number;
}

export interface ScriptResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface SpawnedScript {
  pid: number | undefined;
  /** Output so far (the child keeps writing until it exits). */
  output(): { stdout: string; stderr: string };
  kill(signal: NodeJS.Signals): void;
  result: Promise<ScriptResult>;
}

export interface TempProject {
  /** Absolute folder of the project (under .cache/scaffold-runs/, git-ignored). */
  dir: string;
  /** Writes files (POSIX paths relative to the project); rejects paths escaping the folder. */
  write(files: readonly ProjectFile[]): void;
  /** `tsc --strict --noEmit` over every .ts file of the project (tsconfig.json written at creation). */
  typecheck(): Promise<TypecheckResult>;
  /** Bundles `entry` (project-relative .ts) with esbuild, packages left external, and imports it natively. */
  importModule<T>(entry: string): Promise<T>;
  /** Bundles `entry` the same way and runs it in a child `node` process (for crash/kill scenarios). */
  runScript(entry: string, options?: { env?: Record<string, string>; timeoutMs?: number }): Promise<ScriptResult>;
  /**
   * Same bundle, started as a long-running child `node` process: send it signals with `kill`, await
   * `result` for its exit. The child is SIGKILLed after `timeoutMs` (default 60 s) so none outlives a test.
   */
  spawnScript(entry: string, options?: { env?: Record<string, string>; timeoutMs?: number }): Promise<SpawnedScript>;
  /** Deletes the folder unless EA_KEEP_SCAFFOLD_RUNS=1 (to inspect a failure). */
  remove(): void;
}

/** The strict compiler options every proof project starts from (presets widen them, never loosen). */
export const STRICT_COMPILER_OPTIONS = {
  target: 'ES2022',
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  lib: ['ES2023'],
  types: ['node'],
  strict: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  noFallthroughCasesInSwitch: true,
  esModuleInterop: true,
  skipLibCheck: true,
  noEmit: true,
};

const TSCONFIG = {
  compilerOptions: STRICT_COMPILER_OPTIONS,
  include: ['**/*.ts'],
  exclude: ['node_modules', '.build'],
};


export function createTempProject(label: string): TempProject {
  if (!/^[a-z0-9-]{1,60}$/.test(label)) throw new Error(`createTempProject: label must be kebab-case, got ${JSON.stringify(label)}`);
  const dir = join(runsRoot, `${label}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`);
  mkdirSync(dir, { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `scaffold-run-${label}`, private: true, type: 'module' }, null, 2));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
  let builds = 0;

  const inside = (path: string): string => {
    const target = normalize(join(dir, path));
    if (isAbsolute(path) || relative(dir, target).startsWith('..')) throw new Error(`Refusing to write outside the project: ${path}`);
    return target;
  };

  const bundle = async (entry: string): Promise<string> => {
    const source = inside(entry);
    if (!existsSync(source)) throw new Error(`No such generated file: ${entry}`);
    builds += 1;
    // Bundles go under a `node_modules` folder on purpose: vitest hands such paths to Node's own ESM loader
    // instead of transforming them, so generated code runs exactly as a user's Node would run it.
    const outfile = join(dir, '.build', 'node_modules', '.generated', `${entry.replace(/[^A-Za-z0-9]+/g, '_')}.${builds}.mjs`);
    await build({
      entryPoints: [source],
      outfile,
      bundle: true,
      packages: 'external',
      platform: 'node',
      format: 'esm',
      target: 'node20',
      sourcemap: 'inline',
      logLevel: 'silent',
    });
    return outfile;
  };

  return {
    dir,
    write(files) {
      for (const file of files) {
        const target = inside(file.path);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, file.content);
      }
    },
    typecheck() {
      const started = Date.now();
      return new Promise((resolveResult) => {
        execFile(process.execPath, [tscBin, '-p', join(dir, 'tsconfig.json'), '--strict', '--noEmit', '--pretty', 'false'], { cwd: dir, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
          const output = `${stdout}${stderr}`.trim();
          resolveResult({ ok: error === null && output === '', output, durationMs: Date.now() - started });
        });
      });
    },
    async importModule<T>(entry: string) {
      const outfile = await bundle(entry);
      return (await import(/* @vite-ignore */ pathToFileURL(outfile).href)) as T;
    },
    async runScript(entry, options = {}) {
      return (await this.spawnScript(entry, { timeoutMs: 30_000, ...options })).result;
    },
    async spawnScript(entry, options = {}) {
      const outfile = await bundle(entry);
      const timeoutMs = options.timeoutMs ?? 60_000;
      const child = spawn(process.execPath, [outfile], { cwd: dir, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const timer = setTimeout(() => {
        stderr += `\n[harness] killed after ${timeoutMs} ms`;
        child.kill('SIGKILL');
      }, timeoutMs);
      const result = new Promise<ScriptResult>((resolveRun) => {
        child.on('close', (code, signal) => {
          clearTimeout(timer);
          resolveRun({ code, signal, stdout, stderr });
        });
      });
      return {
        pid: child.pid,
        output: () => ({ stdout, stderr }),
        kill: (signal) => {
          child.kill(signal);
        },
        result,
      };
    },
    remove() {
      if (process.env.EA_KEEP_SCAFFOLD_RUNS === '1') return;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
