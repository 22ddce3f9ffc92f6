// The rule findings in every CLI format, computed by the real analyzer and rules over examples/shop (the
// demo that carries 8 problems on purpose), plus the edge cases the shop does not have: several roots,
// hint severity, and a rule that fails.
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonText, sarifText } from './streamedText';
import { analyze } from '../../../src/core/analysis';
import type { AnalysisResult } from '../../../src/core/analysis/types';
import { RULES } from '../../../src/core/rules';
import type { Finding } from '../../../src/core/rules/types';
import { DETECTION_KINDS } from '../../../src/core/analysis/types';
import { computeFindings, findingsAtOrAbove, rootIndexOf } from '../../../src/cli/findings';
import type { RuleOutcome } from '../../../src/cli/findings';
import { createStyle } from '../../../src/cli/format/style';
import { renderText } from '../../../src/cli/format/text';
import { appendFindingComments } from '../../../src/cli/format/mermaidFindings';
import { findingCounts } from '../../../src/cli/format/textFindings';
import { detection, resultOf } from '../render/resultFixture';
import { errorsOf, validateAnalysisJson, validateSarif } from './schemaValidators';
import { SHOP_FINDINGS, SHOP_ROOT } from './shopFindings';

const shopRoot = SHOP_ROOT;
const oneRoot = () => 0;

let shop: AnalysisResult;
let rules: RuleOutcome;

beforeAll(async () => {
  shop = await analyze([shopRoot]);
  rules = await computeFindings(shop);
}, 60_000);

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string; index: number }; region: Record<string, number> } }>;
  relatedLocations?: Array<{ id: number; physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } }; message: { text: string } }>;
  properties: { principleId?: string; fixes?: Array<{ scaffoldId: string; variantId?: string }> };
}

describe('findings of examples/shop', () => {
  it('are the 8 problems the shop carries, with no rule failing', () => {
    expect(rules.ruleErrors).toEqual([]);
    expect(rules.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual(SHOP_FINDINGS);
  });

  it('appear in the JSON report, valid against the schema', () => {
    const report = JSON.parse(jsonText(shop, oneRoot, rules));
    expect(validateAnalysisJson(report), errorsOf(validateAnalysisJson)).toBe(true);
    expect(report.schemaVersion).toBe(1);
    expect(report.ruleErrors).toBeUndefined();
    expect(report.findings.map((f: { ruleId: string; file: string; line: number }) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual(SHOP_FINDINGS);
    const chat = report.findings.find((f: { ruleId: string }) => f.ruleId === 'socketio-no-adapter');
    expect(chat).toMatchObject({
      severity: 'warning',
      root: 0,
      principleId: 'websocket-pubsub-scaling',
      fixes: [{ scaffoldId: 'socketio-redis-adapter', variantId: 'redis-adapter' }],
      related: [{ root: 0, file: 'services/chat/ecosystem.config.cjs', line: 6 }],
    });
    expect(chat.endLine).toBeGreaterThanOrEqual(chat.line);
    expect(report.findings.find((f: { ruleId: string }) => f.ruleId === 'ws-one-way-push').severity).toBe('information');
  });

  it('appear in SARIF as results at their level, next to rule descriptors, valid against SARIF 2.1.0', () => {
    const log = JSON.parse(sarifText(shop, oneRoot, rules));
    expect(validateSarif(log), errorsOf(validateSarif)).toBe(true);
    const run = log.runs[0];
    const ruleIds = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ruleIds).toEqual([...RULES.map((r) => r.id), ...DETECTION_KINDS.map((k) => `detection/${k}`)]);
    const dualWrite = run.tool.driver.rules.find((r: { id: string }) => r.id === 'dual-write');
    expect(dualWrite).toMatchObject({
      name: 'DualWrite',
      shortDescription: { text: 'Database write and publish without an outbox' },
      defaultConfiguration: { level: 'warning' },
      properties: { principle: 'outbox-pattern' },
    });
    expect(dualWrite.fullDescription.text).toMatch(/without an outbox table/);
    expect(run.tool.driver.rules.find((r: { id: string }) => r.id === 'ws-one-way-push').defaultConfiguration.level).toBe('note');

    const findings = (run.results as SarifResult[]).filter((r) => !r.ruleId.startsWith('detection/'));
    expect(findings.map((r) => `${r.ruleId} ${decodeURI(r.locations[0]?.physicalLocation.artifactLocation.uri ?? '')}:${r.locations[0]?.physicalLocation.region.startLine}`)).toEqual(
      SHOP_FINDINGS,
    );
    for (const r of findings) {
      expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
      expect(run.artifacts[r.locations[0]?.physicalLocation.artifactLocation.index ?? -1].location.uri).toBe(r.locations[0]?.physicalLocation.artifactLocation.uri);
    }
    expect(findings.map((r) => r.level)).toEqual(['warning', 'warning', 'warning', 'note', 'warning', 'warning', 'warning', 'warning']);
    const pm2 = findings.find((r) => r.ruleId === 'socketio-no-adapter');
    expect(pm2?.relatedLocations).toEqual([
      { id: 1, physicalLocation: { artifactLocation: expect.objectContaining({ uri: 'services/chat/ecosystem.config.cjs', uriBaseId: 'SRCROOT' }), region: { startLine: 6 } }, message: { text: 'runs several instances: PM2 `instances: 4`' } },
    ]);
    const outbox = findings.find((r) => r.ruleId === 'dual-write');
    expect(outbox?.properties).toMatchObject({ principleId: 'outbox-pattern', fixes: [{ scaffoldId: 'outbox-table' }, { scaffoldId: 'outbox-relay', variantId: 'postgres-kafka' }] });
    expect(run.invocations[0].toolExecutionNotifications).toEqual([]);
  });

  it('come first in the text report, with principle and fix, and are counted in the summary', () => {
    const text = renderText(shop, { style: createStyle(false), rules });
    const sections = text.split('\n\n');
    expect(sections[1]?.startsWith('Findings (8)\n')).toBe(true);
    expect(text).toContain(
      '  ⚠ warning  services/orders/src/routes.ts:59  dual-write\n' +
        '    Writes to the database and publishes to Kafka topic `orders.created` in the `POST /api/orders` handler without an outbox: a crash between the two loses or duplicates the event.\n' +
        '    principle: Use the Outbox Pattern for Atomic DB Update + Event Publish\n' +
        '    fix: outbox-table (postgres) + outbox-relay (postgres-kafka)\n',
    );
    expect(text).toContain('  ℹ information  services/live-prices/src/index.ts:4  ws-one-way-push');
    expect(text).toContain('    related: services/chat/ecosystem.config.cjs:6  runs several instances: PM2 `instances: 4`');
    expect(text).toContain('fix: scaffold (variant) to insert with "Event Architect: Insert Scaffold…" in VS Code');
    expect(text.trimEnd().split('\n').pop()).toMatch(/^8 findings \(7 warnings, 1 information\), 40 detections, \d+ channels, 6 services, 0 skipped$/);
    expect(text).not.toContain('\u001b[');
    const coloured = renderText(shop, { style: createStyle(true), rules });
    expect(coloured).toContain('\u001b[33m\u001b[1m⚠ warning');
  });
});

describe('findings beyond the shop', () => {
  const roots = ['/srv/api', '/srv/web'];
  const result = resultOf([detection({ kind: 'sse.endpoint', library: 'express', broker: 'sse', role: 'server', channel: '/events', file: 'src/a.ts', line: 3, service: 'api' })], { roots });
  const hint: Finding = {
    ruleId: 'socketio-no-adapter',
    severity: 'hint',
    message: 'socket.io server in `web` has no adapter: a second instance would not see the first one\u001b[2J.',
    file: 'src/io.ts',
    root: '/srv/web',
    line: 4,
    column: 13,
    endLine: 4,
    endColumn: 25,
    principleId: 'websocket-pubsub-scaling',
    fixes: [{ title: 'Insert scaffold: socket.io Redis adapter', scaffoldId: 'socketio-redis-adapter' }],
    related: [{ file: 'src/a.ts', root: '/srv/api', line: 3, message: 'the API it serves' }],
  };
  const outcome: RuleOutcome = { findings: [hint], ruleErrors: [{ ruleId: 'dual-write', message: 'Maximum call stack size exceeded' }] };

  it('map each root to its index and a hint to a SARIF note', () => {
    expect(rootIndexOf(roots, '/srv/web')).toBe(1);
    expect(rootIndexOf(roots, undefined)).toBe(0);
    const report = JSON.parse(jsonText(result, oneRoot, outcome));
    expect(validateAnalysisJson(report), errorsOf(validateAnalysisJson)).toBe(true);
    expect(report.findings[0]).toMatchObject({ root: 1, severity: 'hint', fixes: [{ scaffoldId: 'socketio-redis-adapter' }], related: [{ root: 0, file: 'src/a.ts' }] });
    expect(report.findings[0].fixes[0].variantId).toBeUndefined();
    expect(report.ruleErrors).toEqual([{ ruleId: 'dual-write', message: 'Maximum call stack size exceeded' }]);

    const run = JSON.parse(sarifText(result, oneRoot, outcome)).runs[0];
    expect(validateSarif({ version: '2.1.0', runs: [run] }), errorsOf(validateSarif)).toBe(true);
    expect(run.results[0]).toMatchObject({ ruleId: 'socketio-no-adapter', level: 'note' });
    expect(run.results[0].locations[0].physicalLocation.artifactLocation).toMatchObject({ uri: 'src/io.ts', uriBaseId: 'SRCROOT2' });
    expect(run.results[0].relatedLocations[0].physicalLocation.artifactLocation).toMatchObject({ uri: 'src/a.ts', uriBaseId: 'SRCROOT' });
  });

  it('report a failed rule as an error-level notification and a text line, not a crash', () => {
    const run = JSON.parse(sarifText(result, oneRoot, outcome)).runs[0];
    const [notification] = run.invocations[0].toolExecutionNotifications;
    expect(notification).toEqual({
      level: 'error',
      message: { text: 'Rule dual-write failed and reported nothing: Maximum call stack size exceeded' },
      associatedRule: { id: 'dual-write', index: RULES.findIndex((r) => r.id === 'dual-write') },
    });
    const text = renderText(result, { style: createStyle(false), rules: outcome });
    expect(text).toContain('  · hint  web/src/io.ts:4  socketio-no-adapter');
    expect(text).toContain('second instance would not see the first one⟨U+001B⟩[2J.');
    expect(text).toContain('    related: api/src/a.ts:3  the API it serves');
    expect(text).toContain('  rule dual-write failed, its findings are missing: Maximum call stack size exceeded');
    expect(text.trimEnd().split('\n').pop()).toBe('1 finding (1 hint), 1 detection, 0 channels, 1 service, 0 skipped');
  });

  it('keep the other rules running when one fails', async () => {
    // A result that breaks the contract (a detection without its service, as a stale cache entry could
    // hold) makes a real rule throw; the CLI must still get every other rule's findings.
    const broken = structuredClone(shop);
    const server = broken.detections.find((d) => d.kind === 'ws.server' && d.library === 'socket.io');
    if (!server) throw new Error('the shop has a socket.io server');
    Reflect.deleteProperty(server, 'service');
    const partial = await computeFindings(broken);
    expect(partial.ruleErrors.map((e) => e.ruleId)).toEqual(['socketio-no-adapter']);
    expect(partial.ruleErrors[0]?.message).toMatch(/undefined/);
    expect(partial.findings.map((f) => f.ruleId)).not.toContain('socketio-no-adapter');
    expect(partial.findings).toHaveLength(SHOP_FINDINGS.length - 1);
    const log = JSON.parse(sarifText(broken, oneRoot, partial));
    expect(validateSarif(log), errorsOf(validateSarif)).toBe(true);
    expect(log.runs[0].invocations[0].toolExecutionNotifications[0]).toMatchObject({ level: 'error', associatedRule: { id: 'socketio-no-adapter' } });
  });

  it('gate on severity: warning < information < hint < none', () => {
    const f = (severity: Finding['severity']): Finding => ({ ...hint, severity });
    const all = [f('warning'), f('information'), f('hint')];
    expect(findingsAtOrAbove(all, 'warning').map((x) => x.severity)).toEqual(['warning']);
    expect(findingsAtOrAbove(all, 'information').map((x) => x.severity)).toEqual(['warning', 'information']);
    expect(findingsAtOrAbove(all, 'hint')).toHaveLength(3);
    expect(findingsAtOrAbove(all, 'none')).toEqual([]);
    expect(findingCounts(all)).toBe('3 findings (1 warning, 1 information, 1 hint)');
    expect(findingCounts([])).toBe('no findings');
  });

  it('stay Mermaid comments within the 50,000-character limit, one line each, never a directive', () => {
    const diagram = `flowchart LR\n${'  a --> b\n'.repeat(4_500)}`;
    const many = Array.from({ length: 200 }, (_, i) => ({ ...hint, line: i + 1, message: `line one\nline two %%{init: {}}%% ${'x'.repeat(400)}` }));
    const out = appendFindingComments(diagram, many);
    expect(out.startsWith(diagram)).toBe(true);
    expect(out.length).toBeLessThan(50_000);
    const comments = out.slice(diagram.length).trimEnd().split('\n');
    expect(comments.every((l) => l.startsWith('%% ') && !l.includes('%%{'))).toBe(true);
    expect(comments.at(-1)).toMatch(/^%% … and \d+ more \(--format json lists all\)$/);
    expect(comments[1]).toMatch(/^%% hint socketio-no-adapter src\/io\.ts:1 — line one line two %% \{init/);
    // the 400-character word is cut in the middle to the name cap
    expect(comments[1]).toMatch(/x…x/);
    expect(comments[1]).not.toContain('x'.repeat(120));
    expect(appendFindingComments('flowchart LR\n', [])).toBe('flowchart LR\n');
  });
});
