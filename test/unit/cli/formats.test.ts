import { describe, expect, it } from 'vitest';
import { jsonText, sarifText } from './streamedText';
import type { JsonReport } from '../../../src/cli/format/jsonReport';
import { DETECTION_KINDS } from '../../../src/core/analysis/types';
import { RULES } from '../../../src/core/rules';
import analysisSchema from '../../../src/cli/schema/analysis.schema.json';
import { relativeUri, rootUri } from '../../../src/cli/format/sarif';
import { createStyle, shouldColor } from '../../../src/cli/format/style';
import { terminalText } from '../../../src/core/text/terminal';
import { formatBytes, renderText } from '../../../src/cli/format/text';
import { TOOL_VERSION } from '../../../src/cli/version';
import { detection, ordersResult, resultOf } from '../render/resultFixture';
import { errorsOf, validateAnalysisJson, validateSarif } from './schemaValidators';

const oneRoot = () => 0;

describe('json report', () => {
  it('validates against the published schema', () => {
    const report = JSON.parse(jsonText(ordersResult(), oneRoot));
    expect(validateAnalysisJson(report), errorsOf(validateAnalysisJson)).toBe(true);
    expect(report.schemaVersion).toBe(1);
    expect(report.tool).toEqual({ name: 'event-architect', version: TOOL_VERSION });
    expect(report.detections[0]).toMatchObject({ kind: 'kafka.produce', file: 'orders/src/orders.service.ts', line: 42, root: 0, enclosingFunction: 'OrdersService.create', service: 'orders' });
  });

  it('lists every detection kind of the contract in the schema', () => {
    expect(analysisSchema.definitions.kind.enum).toEqual([...DETECTION_KINDS]);
  });

  it('keeps optional channel lists and drops fields the schema does not know', () => {
    const result = ordersResult();
    const first = result.detections[0];
    if (!first) throw new Error('fixture has detections');
    Object.assign(first, { channels: ['orders.created', 'orders.updated'], internalCache: { big: true } });
    const report = JSON.parse(jsonText(result, oneRoot)) as JsonReport;
    expect(report.detections[0]?.channels).toEqual(['orders.created', 'orders.updated']);
    expect(validateAnalysisJson(JSON.parse(JSON.stringify(report))), errorsOf(validateAnalysisJson)).toBe(true);
  });

  it('rejects reports that break the contract', () => {
    const report = JSON.parse(jsonText(ordersResult(), oneRoot));
    report.detections[0].file = '/abs/path.ts';
    expect(validateAnalysisJson(report)).toBe(false);
    const other = JSON.parse(jsonText(ordersResult(), oneRoot));
    other.detections[0].kind = 'kafka.send';
    expect(validateAnalysisJson(other)).toBe(false);
  });
});

describe('sarif', () => {
  const twoRoots = resultOf(
    [
      detection({ kind: 'nats.publish', library: 'nats', broker: 'nats', role: 'producer', channel: 'orders.*', file: 'src/pub lisher.ts', line: 3, service: 'api', enclosingFunction: 'publish' }),
      detection({ kind: 'nats.subscribe', library: 'nats', broker: 'nats', role: 'consumer', channel: 'orders.*', file: 'lib/sub#1.ts', line: 7, service: 'worker' }),
      detection({ kind: 'ws.server', library: 'ws', broker: 'ws', role: 'server', channel: null, file: 'src/pub lisher.ts', line: 12, service: 'api' }),
    ],
    {
      roots: ['/srv/repo a', '/srv/wörker'],
      skipped: [{ file: 'vendor/huge.js', root: 0, reason: 'too-large', detail: '1.4 MB > 1 MB cap' }],
    },
  );
  const rootOf = (item: { file: string }) => (item.file.startsWith('lib/') ? 1 : 0);

  it('is valid SARIF 2.1.0', () => {
    const log = JSON.parse(sarifText(twoRoots, rootOf));
    expect(validateSarif(log), errorsOf(validateSarif)).toBe(true);
  });

  it('is checked by a validator that does reject broken logs', () => {
    const log = JSON.parse(sarifText(twoRoots, rootOf));
    log.runs[0].results[0].level = 'info';
    expect(validateSarif(log)).toBe(false);
    const noDriver = JSON.parse(sarifText(twoRoots, rootOf));
    delete noDriver.runs[0].tool.driver.name;
    expect(validateSarif(noDriver)).toBe(false);
  });

  it('describes the tool with a rule per finding rule, then one per detection kind (detection/<kind>)', () => {
    const run = JSON.parse(sarifText(twoRoots, rootOf)).runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'Event Architect', version: TOOL_VERSION });
    expect(run.tool.driver.informationUri).toMatch(/^https?:\/\//);
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual([...RULES.map((r) => r.id), ...DETECTION_KINDS.map((k) => `detection/${k}`)]);
  });

  it('locates results relative to their root through originalUriBaseIds', () => {
    const run = JSON.parse(sarifText(twoRoots, rootOf)).runs[0];
    expect(run.originalUriBaseIds).toEqual({ SRCROOT: { uri: 'file:///srv/repo%20a/' }, SRCROOT2: { uri: 'file:///srv/w%C3%B6rker/' } });
    expect(run.artifacts).toHaveLength(2);
    const [pub, sub, server] = run.results;
    expect(pub.level).toBe('note');
    expect(pub.ruleId).toBe('detection/nats.publish');
    expect(run.tool.driver.rules[pub.ruleIndex].id).toBe('detection/nats.publish');
    expect(pub.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'src/pub%20lisher.ts', uriBaseId: 'SRCROOT', index: 0 },
      region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 25 },
    });
    expect(pub.locations[0].logicalLocations).toEqual([{ fullyQualifiedName: 'publish', kind: 'function' }]);
    expect(pub.message.text).toContain('pattern "orders.*"');
    expect(sub.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'lib/sub%231.ts', uriBaseId: 'SRCROOT2', index: 1 });
    expect(server.locations[0].physicalLocation.artifactLocation.index).toBe(0);
    expect(server.message.text).toContain('channel not statically known');
  });

  it('reports skipped files as tool notifications', () => {
    const run = JSON.parse(sarifText(twoRoots, rootOf)).runs[0];
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toBe('Skipped vendor/huge.js: 1.4 MB > 1 MB cap (too-large).');
  });

  it('builds URIs that round-trip', () => {
    expect(relativeUri('a b/c?d.ts')).toBe('a%20b/c%3Fd.ts');
    expect(rootUri('/x/y')).toBe('file:///x/y/');
  });
});

describe('text report', () => {
  const plain = createStyle(false);

  it('groups by service and by channel with counts', () => {
    const text = renderText(ordersResult(), { style: plain });
    expect(text).toContain('Services (3)');
    expect(text).toMatch(/ {2}orders {2}4 detections\n {4}kafka\.produce 1, redis\.publish 1, ws\.emit 1, ws\.server 1/);
    expect(text).toContain('Channels (3)');
    expect(text).toContain('kafka  orders.created  1 producer → 2 consumers');
    expect(text).toContain('out  orders/src/orders.service.ts:42  OrdersService.create  [orders]');
    expect(text).toContain('socket.io  order:updated  1 producer → 0 consumers  no consumer found');
    expect(text).toContain('Not part of a channel flow (1)');
    expect(text).toContain('12 files seen, 4 parsed, 48.2 kB, 1,402 lines in 87 ms (parsing 41 ms)');
    expect(text.trimEnd().split('\n').pop()).toBe('no findings, 7 detections, 3 channels, 3 services, 0 skipped');
    expect(text).not.toContain('Findings (');
    expect(text).not.toContain('\u001b[');
  });

  it('lists skipped files and caps long lists', () => {
    const many = Array.from({ length: 25 }, (_, i) =>
      detection({ kind: 'queue.produce', library: 'bullmq', broker: 'bullmq', role: 'producer', channel: 'emails', file: `api/r${i}.ts`, line: i + 1, service: 'api' }),
    );
    const result = resultOf(many, { skipped: [{ file: 'big.js', root: 0, reason: 'too-large', detail: '2.0 MB > 1 MB cap' }] });
    const text = renderText(result, { style: plain, maxItems: 10 });
    expect(text).toContain('… and 15 more');
    expect(text).toContain('Skipped files (1)\n  big.js  too-large  2.0 MB > 1 MB cap');
  });

  it('colours only when asked, and never lets names drive the terminal', () => {
    const hostile = resultOf([
      detection({ kind: 'redis.publish', library: 'ioredis', broker: 'redis', role: 'producer', channel: 'evil\u001b]0;pwned\u0007\u001b[2J', file: 'a.ts', line: 1, service: 'svc' }),
    ]);
    const text = renderText(hostile, { style: createStyle(true) });
    expect(text).toContain('\u001b[1m');
    expect(text).toContain('evil⟨U+001B⟩]0;pwned⟨U+0007⟩⟨U+001B⟩[2J');
    expect(text).not.toContain('\u0007');
  });
});

describe('style helpers', () => {
  it('respects NO_COLOR, FORCE_COLOR and TTY', () => {
    expect(shouldColor(true, {})).toBe(true);
    expect(shouldColor(false, {})).toBe(false);
    expect(shouldColor(true, { NO_COLOR: '1' })).toBe(false);
    expect(shouldColor(true, { NO_COLOR: '' })).toBe(true);
    expect(shouldColor(false, { FORCE_COLOR: '1' })).toBe(true);
    expect(shouldColor(true, { TERM: 'dumb' })).toBe(false);
  });

  it('escapes control and bidi characters', () => {
    expect(terminalText('a\tb\u202ec\u001b[2J')).toBe('a⟨U+0009⟩b⟨U+202E⟩c⟨U+001B⟩[2J');
  });

  it('formats sizes', () => {
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(43_900_000)).toBe('43.9 MB');
  });
});
