// The CLI end to end: the bundled CLI in a child process over a real temp project, with the real analyzer.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../../package.json';
import { bundleCli, runCliProcess } from './cliProcess';
import { writeSampleProject } from './sampleProject';
import { errorsOf, validateAnalysisJson, validateSarif } from './schemaValidators';

interface JsonDetection {
  kind: string;
  channel: string | null;
  file: string;
  line: number;
  root: number;
  service: string;
  enclosingFunction: string | null;
}

let cli = '';
let project = '';
const scratch = mkdtempSync(path.join(tmpdir(), 'ea-cli-out-'));

beforeAll(async () => {
  cli = await bundleCli();
  project = writeSampleProject();
}, 60_000);

afterAll(() => {
  for (const dir of [project, scratch, path.dirname(cli)]) if (dir) rmSync(dir, { recursive: true, force: true });
});

function jsonOf(args: string[]): { report: { detections: JsonDetection[]; flows: Array<{ channel: string; producers: string[]; consumers: string[] }>; skipped: Array<{ file: string; reason: string }>; roots: string[] }; raw: unknown } {
  const r = runCliProcess(cli, ['analyze', project, '--format', 'json', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const raw: unknown = JSON.parse(r.stdout);
  return { report: raw as ReturnType<typeof jsonOf>['report'], raw };
}

describe('usage', () => {
  it('prints the version', () => {
    const r = runCliProcess(cli, ['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`event-architect ${packageJson.version}\n`);
  });

  it('prints help on --help, to stdout, exit 0', () => {
    const r = runCliProcess(cli, ['analyze', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: event-architect analyze [DIR…]');
    expect(r.stderr).toBe('');
  });

  it.each([[[]], [['analyse']], [['analyze', '--format', 'xml']], [['analyze', '--max-file-size', 'big']], [['analyze', '--colour']]])(
    'exits 2 with a message and the usage for %j',
    (args) => {
      const r = runCliProcess(cli, args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^event-architect: .+\n\nUsage: /);
    },
  );

  it('exits 3 for a folder that does not exist or is a file', () => {
    const missing = runCliProcess(cli, ['analyze', path.join(project, 'nope')]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/nope" does not exist/);
    const file = runCliProcess(cli, ['analyze', path.join(project, 'api', 'package.json')]);
    expect(file.code).toBe(3);
    expect(file.stderr).toMatch(/is not a folder/);
  });
});

describe('json', () => {
  it('matches the schema and reports the constructs at their call lines', () => {
    const { report, raw } = jsonOf([]);
    expect(validateAnalysisJson(raw), errorsOf(validateAnalysisJson)).toBe(true);
    expect(report.roots).toEqual([project]);
    const produce = report.detections.find((d) => d.kind === 'kafka.produce');
    expect(produce).toMatchObject({ channel: 'orders.created', file: 'api/src/orders service.ts', line: 11, root: 0, service: 'orders-api' });
    const consume = report.detections.find((d) => d.kind === 'kafka.consume' && d.file === 'billing/src/billing.ts');
    expect(consume).toMatchObject({ channel: 'orders.created', line: 8, service: 'billing', enclosingFunction: 'startBilling' });
    const flow = report.flows.find((f) => f.channel === 'orders.created');
    expect(flow?.producers.length).toBeGreaterThanOrEqual(1);
    expect(flow?.consumers.length).toBeGreaterThanOrEqual(1);
  });

  it('honours --exclude and --max-file-size', () => {
    const all = jsonOf([]).report;
    expect(all.detections.some((d) => d.file.startsWith('legacy/'))).toBe(true);
    const { report, raw } = jsonOf(['--exclude', 'legacy/**', '--max-file-size', '20000']);
    expect(validateAnalysisJson(raw), errorsOf(validateAnalysisJson)).toBe(true);
    expect(report.detections.some((d) => d.file.startsWith('legacy/'))).toBe(false);
    expect(report.skipped).toContainEqual(expect.objectContaining({ file: 'api/src/generated/big.ts', reason: 'too-large' }));
  });

  it('makes paths relative to each root when several are given', () => {
    const r = runCliProcess(cli, ['analyze', 'api', 'billing', '--format', 'json'], { cwd: project });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { roots: string[]; detections: JsonDetection[] };
    expect(report.roots).toEqual([path.join(project, 'api'), path.join(project, 'billing')]);
    expect(report.detections.find((d) => d.kind === 'kafka.produce')).toMatchObject({ file: 'src/orders service.ts', root: 0 });
    expect(report.detections.find((d) => d.kind === 'kafka.consume')).toMatchObject({ file: 'src/billing.ts', root: 1 });
  });
});

describe('other formats', () => {
  it('writes valid SARIF 2.1.0 with artifact URIs relative to the folder outside any repository', () => {
    const r = runCliProcess(cli, ['analyze', project, '--format', 'sarif', '--sarif-detections']);
    expect(r.code).toBe(0);
    const log = JSON.parse(r.stdout);
    expect(validateSarif(log), errorsOf(validateSarif)).toBe(true);
    const run = log.runs[0];
    expect(run.originalUriBaseIds.SRCROOT.uri).toBe(`file://${project}/`);
    expect(run.artifacts.map((a: { location: { uri: string } }) => a.location.uri)).toContain('api/src/orders%20service.ts');
    expect(run.results.every((x: { level: string }) => x.level === 'note')).toBe(true);
  });

  it('prints a Mermaid flowchart', () => {
    const r = runCliProcess(cli, ['analyze', project, '--format', 'mermaid']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('flowchart LR\n')).toBe(true);
    expect(r.stdout).toContain('orders.created<br/>(kafka)');
    expect(r.stdout).toContain('["orders-api"]');
  });

  it('prints a text summary without colour when stdout is not a terminal', () => {
    const r = runCliProcess(cli, ['analyze', project]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('kafka  orders.created');
    expect(r.stdout).toMatch(/Services \(\d+\)/);
    expect(r.stdout).not.toContain('\u001b[');
    expect(r.stderr).toBe('');
  });

  it('colours with FORCE_COLOR unless NO_COLOR is set', () => {
    expect(runCliProcess(cli, ['analyze', project], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[1m');
    expect(runCliProcess(cli, ['analyze', project], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });

  it('writes to --out and reports on stderr unless --quiet', () => {
    const out = path.join(scratch, 'nested', 'report.json');
    const r = runCliProcess(cli, ['analyze', project, '--format', 'json', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^event-architect: wrote json to .*report\.json — 3 findings \(2 information, 1 hint\), \d+ detections/);
    expect(validateAnalysisJson(JSON.parse(readFileSync(out, 'utf8'))), errorsOf(validateAnalysisJson)).toBe(true);

    const quiet = runCliProcess(cli, ['analyze', project, '--out', path.join(scratch, 'r.txt'), '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(readFileSync(path.join(scratch, 'r.txt'), 'utf8')).not.toContain('\u001b[');
  });

  it('fails cleanly when --out cannot be written', () => {
    const blocker = path.join(scratch, 'file-not-dir');
    writeFileSync(blocker, 'x');
    const r = runCliProcess(cli, ['analyze', project, '--out', path.join(blocker, 'r.json')]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/cannot write/);
    expect(existsSync(path.join(blocker, 'r.json'))).toBe(false);
  });
});

// util-linux `script` gives the CLI a real pseudo-terminal, so isTTY is true as it is for a user.
describe.skipIf(!existsSync('/usr/bin/script'))('on a terminal', () => {
  function inTerminal(args: string[], env: Record<string, string> = {}): string {
    const command = [process.execPath, cli, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const r = spawnSync('/usr/bin/script', ['-q', '-e', '-c', command, '/dev/null'], {
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '', NO_COLOR: '', TERM: 'xterm-256color', ...env },
      timeout: 60_000,
    });
    expect(r.status).toBe(0);
    return r.stdout;
  }

  it('draws a progress bar on stderr and colours the report', () => {
    const screen = inTerminal(['analyze', project]);
    expect(screen).toMatch(/100% \d+\/\d+ files/);
    expect(screen).toContain('\u001b[2K');
    expect(screen).toContain('\u001b[1mEvent Architect');
  });

  it('stays plain with NO_COLOR and silent with --quiet', () => {
    const screen = inTerminal(['analyze', project, '--quiet'], { NO_COLOR: '1' });
    expect(screen).not.toContain('files\r');
    expect(screen).not.toContain('\u001b[1m');
    expect(screen).not.toContain('\u001b[36m');
    expect(screen).toContain('Event Architect');
  });

  it('--cache DIR: the second run takes every file from the cache and reports the same', () => {
    const cacheDir = path.join(scratch, 'index-cache');
    const first = runCliProcess(cli, ['analyze', project, '--format', 'json', '--cache', cacheDir]);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/index cache: not used: no cache yet; saved \d+ files/);
    const second = runCliProcess(cli, ['analyze', project, '--format', 'json', '--cache', cacheDir]);
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/index cache: \d+ unchanged, 0 same content, 0 new or changed, 0 gone; whole result reused; unchanged/);
    const plain = runCliProcess(cli, ['analyze', project, '--format', 'json']);
    const strip = (out: string): unknown => {
      const r = JSON.parse(out) as { stats?: unknown };
      delete r.stats;
      return r;
    };
    expect(strip(second.stdout)).toEqual(strip(plain.stdout));
    expect(strip(first.stdout)).toEqual(strip(plain.stdout));
    // A corrupt cache is said and ignored.
    const cacheFile = readdirSync(cacheDir).find((f) => f.endsWith('.eacache'));
    writeFileSync(path.join(cacheDir, cacheFile ?? 'missing'), 'not a cache');
    const third = runCliProcess(cli, ['analyze', project, '--format', 'json', '--cache', cacheDir]);
    expect(third.stderr).toMatch(/index cache: not used: not an index cache/);
    expect(strip(third.stdout)).toEqual(strip(plain.stdout));
  }, 60_000);

  it('--cache DIR: saved findings answer an unchanged rerun, and a file the rules read changing is seen', () => {
    const cacheDir = path.join(scratch, 'findings-cache');
    const legacy = path.join(project, 'legacy', 'old.ts');
    const original = readFileSync(legacy, 'utf8');
    const past = (Date.now() - 3_600_000) / 1000;
    utimesSync(legacy, past, past);
    const findingsOf = (out: string): string[] => (JSON.parse(out) as { findings: { ruleId: string; file: string; line: number }[] }).findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`);
    try {
      const first = runCliProcess(cli, ['analyze', project, '--format', 'json', '--cache', cacheDir]);
      expect(findingsOf(first.stdout)).toContain('orphan-channel legacy/old.ts:3');
      const saved = readdirSync(cacheDir).find((f) => f.endsWith('.eafindings'));
      expect(saved).toBeDefined();
      const savedAt = statSync(path.join(cacheDir, saved ?? '')).mtimeMs;
      // Unchanged: the same findings, from the saved file (not written again).
      const second = runCliProcess(cli, ['analyze', project, '--format', 'json', '--cache', cacheDir]);
      expect(findingsOf(second.stdout)).toEqual(findingsOf(first.stdout));
      expect(statSync(path.join(cacheDir, saved ?? '')).mtimeMs).toBe(savedAt);
      // A comment at the end of the line: the detections stay as they were, the finding is suppressed.
      const lines = original.split('\n');
      lines[2] = `${lines[2] ?? ''} // event-architect-disable-line orphan-channel`;
      writeFileSync(legacy, lines.join('\n'));
      utimesSync(legacy, past + 60, past + 60);
      const third = runCliProcess(cli, ['analyze', project, '--format', 'json', '--cache', cacheDir]);
      expect(findingsOf(third.stdout)).not.toContain('orphan-channel legacy/old.ts:3');
      expect(findingsOf(third.stdout)).toEqual(findingsOf(runCliProcess(cli, ['analyze', project, '--format', 'json']).stdout));
    } finally {
      writeFileSync(legacy, original);
    }
  }, 60_000);
});
