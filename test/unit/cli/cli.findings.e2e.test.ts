// Findings through the real CLI in a child process: every format over a temp project with a dual write,
// an SSE route without heartbeat and a one-way WebSocket, the --fail-on exit codes, and examples/shop.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli, runCliProcess } from './cliProcess';
import { writeFindingsProject } from './findingsProject';
import { errorsOf, validateAnalysisJson, validateSarif } from './schemaValidators';
import { SHOP_FINDINGS, SHOP_ROOT } from './shopFindings';

interface JsonFinding {
  ruleId: string;
  severity: string;
  file: string;
  line: number;
  root: number;
  fixes: Array<{ scaffoldId: string; variantId?: string }>;
}
interface SarifResult {
  ruleId: string;
  level: string;
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }>;
}

const shop = SHOP_ROOT;

let cli = '';
let project = '';
const scratch = mkdtempSync(path.join(tmpdir(), 'ea-cli-gate-'));

beforeAll(async () => {
  cli = await bundleCli();
  project = writeFindingsProject();
}, 60_000);

afterAll(() => {
  for (const dir of [project, scratch, path.dirname(cli)]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const sarifBrief = (results: SarifResult[]) =>
  results
    .filter((r) => /^[a-z]+(-[a-z]+)+$/.test(r.ruleId))
    .map((r) => `${r.ruleId} ${decodeURI(r.locations[0]?.physicalLocation.artifactLocation.uri ?? '')}:${r.locations[0]?.physicalLocation.region.startLine}`);

describe('findings in every format', () => {
  it('json: findings[] validated against the schema', () => {
    const r = runCliProcess(cli, ['analyze', project, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(validateAnalysisJson(report), errorsOf(validateAnalysisJson)).toBe(true);
    const findings = report.findings as JsonFinding[];
    expect(findings.map((f) => `${f.ruleId} ${f.severity} ${f.file}:${f.line}`)).toEqual([
      'dual-write warning payments/src/payments.ts:18',
      'sse-no-heartbeat warning payments/src/payments.ts:23',
      'ws-one-way-push information prices/src/feed.ts:3',
    ]);
    expect(findings[0]?.fixes).toEqual([
      expect.objectContaining({ scaffoldId: 'outbox-table', variantId: 'postgres' }),
      expect.objectContaining({ scaffoldId: 'outbox-relay', variantId: 'postgres-kafka' }),
    ]);
  });

  it('sarif: valid 2.1.0, warnings as warning and information as note', () => {
    const r = runCliProcess(cli, ['analyze', project, '--format', 'sarif']);
    expect(r.code).toBe(0);
    const log = JSON.parse(r.stdout);
    expect(validateSarif(log), errorsOf(validateSarif)).toBe(true);
    const results = log.runs[0].results as SarifResult[];
    expect(sarifBrief(results)).toEqual(['dual-write payments/src/payments.ts:18', 'sse-no-heartbeat payments/src/payments.ts:23', 'ws-one-way-push prices/src/feed.ts:3']);
    expect(results.slice(0, 3).map((x) => x.level)).toEqual(['warning', 'warning', 'note']);
    expect(log.runs[0].tool.driver.rules.find((x: { id: string }) => x.id === 'sse-no-heartbeat').defaultConfiguration.level).toBe('warning');
  });

  it('text: a Findings section before the services, counts in the summary', () => {
    const r = runCliProcess(cli, ['analyze', project]);
    expect(r.code).toBe(0);
    expect(r.stdout.indexOf('Findings (3)')).toBeGreaterThan(0);
    expect(r.stdout.indexOf('Findings (3)')).toBeLessThan(r.stdout.indexOf('Services ('));
    expect(r.stdout).toContain('  ⚠ warning  payments/src/payments.ts:23  sse-no-heartbeat\n    SSE route `/payments/stream` in `payments` never writes a heartbeat');
    expect(r.stdout).toContain('    fix: sse-endpoint (express)\n');
    expect(r.stdout.trimEnd().split('\n').pop()).toMatch(/^3 findings \(2 warnings, 1 information\), \d+ detections/);
  });

  it('mermaid: the diagram, then the findings as comments Mermaid ignores', () => {
    const r = runCliProcess(cli, ['analyze', project, '--format', 'mermaid']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('flowchart LR\n')).toBe(true);
    const comments = r.stdout.split('\n').filter((l) => l.startsWith('%%'));
    expect(comments[0]).toBe('%% Event Architect findings: 3 findings (2 warnings, 1 information)');
    expect(comments[1]).toMatch(/^%% warning dual-write payments\/src\/payments\.ts:18 — Writes to the database/);
    expect(comments).toHaveLength(4);
  });
});

describe('--fail-on exit codes', () => {
  it.each([
    [[], 0],
    [['--fail-on', 'none'], 0],
    [['--fail-on', 'warning'], 1],
    [['--fail-on', 'information'], 1],
    [['--fail-on', 'hint'], 1],
  ])('%j over warnings and an information finding exits %i', (args, code) => {
    const r = runCliProcess(cli, ['analyze', project, '--format', 'json', ...args]);
    expect(r.code).toBe(code);
    expect(JSON.parse(r.stdout).findings).toHaveLength(3); // the report is complete either way
    if (code === 1) expect(r.stderr).toMatch(/^event-architect: \d findings at or above "\w+" \(--fail-on \w+\)\n$/);
    else expect(r.stderr).toBe('');
  });

  it('counts only findings at or above the level', () => {
    // without the payments service only the one-way WebSocket (information) is left
    const only = ['analyze', project, '--exclude', 'payments/**', '--quiet'];
    expect(runCliProcess(cli, [...only, '--fail-on', 'warning']).code).toBe(0);
    const info = runCliProcess(cli, [...only, '--fail-on', 'information']);
    expect(info.code).toBe(1);
    expect(info.stderr).toBe(''); // --quiet drops the gate message, the exit code stays
    expect(runCliProcess(cli, [...only, '--fail-on', 'hint']).code).toBe(1);
    expect(runCliProcess(cli, ['analyze', project, '--exclude', 'payments/**', '--exclude', 'prices/**', '--fail-on', 'hint']).code).toBe(0);
  });

  it('still writes --out before failing the gate', () => {
    const out = path.join(scratch, 'gate.sarif');
    const r = runCliProcess(cli, ['analyze', project, '--format', 'sarif', '--out', out, '--fail-on', 'warning']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/2 findings at or above "warning"/);
    expect(r.stderr).toMatch(/wrote sarif to .*gate\.sarif — 3 findings \(2 warnings, 1 information\)/);
  });

  it('exits 2 for a bad level, 3 for a bad folder and 4 when the output cannot be written', () => {
    const usage = runCliProcess(cli, ['analyze', project, '--fail-on', 'error']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/unknown --fail-on "error": expected one of warning, information, hint, none/);
    const missing = runCliProcess(cli, ['analyze', path.join(project, 'missing'), '--fail-on', 'warning']);
    expect(missing.code).toBe(3);
    const blocker = path.join(scratch, 'a-file');
    writeFileSync(blocker, 'x');
    const unwritable = runCliProcess(cli, ['analyze', project, '--out', path.join(blocker, 'r.json'), '--fail-on', 'warning']);
    expect(unwritable.code).toBe(4);
  });

  it('documents the option and the exit codes in --help', () => {
    const r = runCliProcess(cli, ['--help']);
    expect(r.stdout).toContain('--fail-on warning|information|hint|none');
    expect(r.stdout).toContain('1 findings at or above --fail-on');
  });
});

describe('examples/shop', () => {
  it('reports its 8 findings in json, sarif, text and mermaid', () => {
    const json = runCliProcess(cli, ['analyze', shop, '--format', 'json']);
    const report = JSON.parse(json.stdout);
    expect(validateAnalysisJson(report), errorsOf(validateAnalysisJson)).toBe(true);
    expect((report.findings as JsonFinding[]).map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual(SHOP_FINDINGS);

    const sarif = JSON.parse(runCliProcess(cli, ['analyze', shop, '--format', 'sarif']).stdout);
    expect(validateSarif(sarif), errorsOf(validateSarif)).toBe(true);
    // SARIF paths are relative to the repository root, which holds the shop in examples/shop.
    expect(sarifBrief(sarif.runs[0].results)).toEqual(SHOP_FINDINGS.map((f) => f.replace(' ', ' examples/shop/')));

    const text = runCliProcess(cli, ['analyze', shop]).stdout;
    const listed = [...text.matchAll(/^ {2}[⚠ℹ·] \w+ {2}(\S+):(\d+) {2}(\S+)$/gm)].map((m) => `${m[3]} ${m[1]}:${m[2]}`);
    expect(listed).toEqual(SHOP_FINDINGS);

    const mermaid = runCliProcess(cli, ['analyze', shop, '--format', 'mermaid']).stdout;
    const comments = [...mermaid.matchAll(/^%% \w+ (\S+) (\S+) — /gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(comments).toEqual(SHOP_FINDINGS);

    expect(runCliProcess(cli, ['analyze', shop, '--fail-on', 'warning', '--quiet']).code).toBe(1);
  });
});
