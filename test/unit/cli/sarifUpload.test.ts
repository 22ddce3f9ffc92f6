// The shop's SARIF as a CI job uploads it: produced by the bundled CLI, checked against the official SARIF
// 2.1.0 schema and against GitHub code scanning's documented upload constraints (githubSarif.ts), with paths
// that resolve to the real files from the repository root, and fingerprints that survive moved lines.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DETECTION_KINDS } from '../../../src/core/analysis/types';
import { RULES } from '../../../src/core/rules';
import { findRepositoryRoot, sarifBases } from '../../../src/cli/repoBase';
import { bundleCli, runCliProcess } from './cliProcess';
import { githubUploadProblems } from './githubSarif';
import { errorsOf, validateSarif } from './schemaValidators';
import { SHOP_FINDINGS, SHOP_ROOT } from './shopFindings';

interface SarifRun {
  tool: { driver: { rules: Array<{ id: string; name: string; helpUri: string; help: { text: string; markdown: string } }> } };
  results: Array<{ ruleId: string; ruleIndex: number; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number } } }>; partialFingerprints: Record<string, string> }>;
  originalUriBaseIds: Record<string, { uri: string }>;
}

let cli: string;
let work: string;
const repoRoot = findRepositoryRoot(SHOP_ROOT);

function sarifOf(args: string[], cwd?: string): { text: string; run: SarifRun } {
  const out = path.join(work, `out-${Math.random().toString(36).slice(2)}.sarif`);
  const r = runCliProcess(cli, ['analyze', ...args, '--format', 'sarif', '--out', out, '--quiet'], cwd ? { cwd } : {});
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const text = readFileSync(out, 'utf8');
  return { text, run: (JSON.parse(text) as { runs: SarifRun[] }).runs[0]! };
}

/** `ruleId file:line` with the file resolved from its base, as code scanning resolves it in the checkout. */
function resolved(run: SarifRun): string[] {
  return run.results.map((res) => {
    const loc = res.locations[0]!.physicalLocation;
    const base = fileURLToPath(run.originalUriBaseIds[loc.artifactLocation.uriBaseId]!.uri);
    return `${res.ruleId} ${path.join(base, decodeURIComponent(loc.artifactLocation.uri))}:${loc.region.startLine}`;
  });
}

beforeAll(async () => {
  cli = await bundleCli();
  work = mkdtempSync(path.join(tmpdir(), 'ea-sarif-upload-'));
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the SARIF of examples/shop, as uploaded to code scanning', () => {
  it('holds the 8 findings only by default, valid against SARIF 2.1.0 and within GitHub constraints', () => {
    const { text, run } = sarifOf([SHOP_ROOT]);
    const log = JSON.parse(text);
    expect(validateSarif(log), errorsOf(validateSarif)).toBe(true);
    expect(githubUploadProblems(text)).toEqual([]);
    expect(run.results).toHaveLength(SHOP_FINDINGS.length);
    expect(run.results.every((r) => !r.ruleId.startsWith('detection/'))).toBe(true);
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
  });

  it('puts paths relative to the repository root, resolving to the files the findings name', () => {
    expect(repoRoot).toBeDefined();
    const { run } = sarifOf([SHOP_ROOT]);
    expect(Object.keys(run.originalUriBaseIds)).toEqual(['SRCROOT']);
    expect(fileURLToPath(run.originalUriBaseIds.SRCROOT!.uri)).toBe(`${repoRoot}${path.sep}`);
    expect(run.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri)).toContain('examples/shop/services/orders/src/routes.ts');
    expect(resolved(run)).toEqual(SHOP_FINDINGS.map((f) => {
      const [rule, where] = f.split(' ');
      return `${rule} ${path.join(SHOP_ROOT, where!.split(':')[0]!)}:${where!.split(':')[1]}`;
    }));
    for (const line of resolved(run)) expect(existsSync(line.split(' ')[1]!.replace(/:\d+$/, ''))).toBe(true);
  });

  it('gives every rule a helpUri and help in text and Markdown stating its principle', () => {
    const { run } = sarifOf([SHOP_ROOT]);
    for (const rule of run.tool.driver.rules) {
      expect(rule.helpUri).toMatch(new RegExp(`^https://.*#${rule.id}$`));
      expect(rule.help.text).toMatch(/Principle: /);
      expect(rule.help.markdown).toMatch(/\*\*Principle: .+\.\*\*/);
    }
    const dualWrite = run.tool.driver.rules.find((r) => r.id === 'dual-write')!;
    expect(dualWrite.help.markdown).toContain('outbox');
  });

  it('points every helpUri at a README heading that exists', () => {
    const readme = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
    for (const rule of RULES) expect(readme, `README heading for ${rule.id}`).toContain(`\n#### ${rule.id}\n`);
    expect(readme).toContain('\n### Detection kinds in SARIF\n');
  });

  it('adds the detections as notes under detection/<kind> rules with --sarif-detections, still within the constraints', () => {
    const { text, run } = sarifOf([SHOP_ROOT, '--sarif-detections']);
    expect(validateSarif(JSON.parse(text)), errorsOf(validateSarif)).toBe(true);
    expect(githubUploadProblems(text)).toEqual([]);
    const detections = run.results.filter((r) => r.ruleId.startsWith('detection/'));
    expect(detections.length).toBeGreaterThan(0);
    expect(run.results.length).toBe(SHOP_FINDINGS.length + detections.length);
    expect(detections.every((r) => r.level === 'note')).toBe(true);
    const ids = run.tool.driver.rules.map((r) => r.id);
    expect(ids).toEqual([...RULES.map((r) => r.id), ...DETECTION_KINDS.map((k) => `detection/${k}`)]);
    // A detection kind and a rule id never share a name.
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps every fingerprint when unrelated lines move, and changes the one whose line is edited', () => {
    const copy = path.join(work, 'shop');
    cpSync(SHOP_ROOT, copy, { recursive: true, filter: (src) => !src.includes('node_modules') });
    const before = sarifOf([copy, '--base', copy]).run;
    expect(Object.keys(before.originalUriBaseIds)).toEqual(['SRCROOT']);
    const prints = (run: SarifRun) => run.results.map((r) => `${r.ruleId} ${r.locations[0]!.physicalLocation.artifactLocation.uri} ${JSON.stringify(r.partialFingerprints)}`);
    expect(new Set(prints(before)).size).toBe(before.results.length);

    const routes = path.join(copy, 'services/orders/src/routes.ts');
    writeFileSync(routes, `// a header comment\n\n\n${readFileSync(routes, 'utf8')}`);
    const moved = sarifOf([copy, '--base', copy]).run;
    expect(moved.results.filter((r) => r.ruleId === 'dual-write').map((r) => r.locations[0]!.physicalLocation.region.startLine)).toEqual([62, 66, 87]);
    expect(prints(moved)).toEqual(prints(before));

    const lines = readFileSync(routes, 'utf8').split('\n');
    lines[61] = `${lines[61]} // edited`;
    writeFileSync(routes, lines.join('\n'));
    const edited = prints(sarifOf([copy, '--base', copy]).run);
    expect(edited.filter((p, i) => p !== prints(before)[i])).toHaveLength(1);
  });

  it('keeps a root outside --base relative to itself rather than writing ../ paths', () => {
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'ea-base-'));
    try {
      expect(sarifBases([SHOP_ROOT], elsewhere)).toEqual([SHOP_ROOT]);
      expect(sarifBases([SHOP_ROOT], repoRoot)).toEqual([repoRoot]);
      const { text } = sarifOf([SHOP_ROOT, '--base', elsewhere]);
      expect(githubUploadProblems(text)).toEqual([]);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('refuses a --base that does not exist (exit 3)', () => {
    const r = runCliProcess(cli, ['analyze', SHOP_ROOT, '--format', 'sarif', '--base', path.join(work, 'missing')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/--base: ".*missing" does not exist/);
  });
});
