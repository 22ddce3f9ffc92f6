import { describe, expect, it } from 'vitest';
import { isPrincipleId } from '../../../src/core/principles';
import { RULE_IDS, RULES, evaluateRules } from '../../../src/core/rules/index';
import type { AnalysisResult } from '../../../src/core/analysis/index';

const emptyResult = (roots: string[]): AnalysisResult => ({
  schemaVersion: 1,
  roots,
  detections: [],
  flows: [],
  skipped: [],
  services: {},
  stats: { filesSeen: 0, filesParsed: 0, bytesRead: 0, lines: 0, durationMs: 0, parseMs: 0 },
});

describe('rule catalog', () => {
  it('lists every rule once, each tied to a real principle, with a title and a description', () => {
    expect(RULES.map((r) => r.id)).toEqual([...RULE_IDS]);
    for (const rule of RULES) {
      expect(isPrincipleId(rule.principle)).toBe(true);
      expect(rule.title.length).toBeGreaterThan(10);
      expect(rule.description).toMatch(/\.$/);
    }
  });

  it('skips detections whose files cannot be read instead of throwing', () => {
    const result = emptyResult(['/nonexistent-root']);
    result.detections.push({
      id: 'src/gone.ts:3:5:sse.endpoint',
      kind: 'sse.endpoint',
      library: 'express',
      broker: 'sse',
      role: 'server',
      channel: '/events',
      channelIsPattern: false,
      file: 'src/gone.ts',
      root: 0,
      enclosingFunction: null,
      service: 'gone',
      snippet: "'Content-Type': 'text/event-stream'",
      line: 3,
      column: 5,
      endLine: 3,
      endColumn: 40,
    });
    const reads: string[] = [];
    const failing = (rel: string) => {
      reads.push(rel);
      throw new Error('EACCES');
    };
    expect(evaluateRules(result, failing)).toEqual([]);
    expect(reads).toContain('src/gone.ts');
  });

  it('builds findings without variants when no package.json can be read', () => {
    const result = emptyResult(['/r']);
    result.detections.push({
      id: 'a.ts:1:1:dual_write', kind: 'dual_write', library: 'kafkajs', broker: 'kafka', role: 'producer', channel: 't',
      channelIsPattern: false, file: 'a.ts', root: 0, enclosingFunction: 'f', service: 's', snippet: 'producer.send({ topic: t })',
      line: 1, column: 1, endLine: 1, endColumn: 10,
    });
    const findings = evaluateRules(result, () => undefined);
    expect(findings.map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.root ?? 'no-root'}`)).toEqual(['dual-write a.ts:1 no-root']);
    expect(findings[0]?.fixes.map((f) => f.variantId)).toEqual([undefined, undefined]);
  });

  it('reports a rule that throws on corrupt input through onRuleError and still runs the others', () => {
    const result = emptyResult(['/r']);
    result.detections.push({
      id: 'a.ts:1:1:dual_write', kind: 'dual_write', library: 'kafkajs', broker: 'kafka', role: 'producer', channel: 't',
      channelIsPattern: false, file: 'a.ts', root: 0, enclosingFunction: 'f', service: 's', snippet: 'producer.send({ topic: t })',
      line: 1, column: 1, endLine: 1, endColumn: 10,
    });
    // A services map that cannot be read (e.g. a damaged worker message): only dual-write touches it here.
    result.services = new Proxy({}, { get: () => { throw new Error('corrupt services map'); } });
    const errors: string[] = [];
    expect(evaluateRules(result, () => undefined, [], { onRuleError: (id, e) => errors.push(`${id}: ${(e as Error).message}`) })).toEqual([]);
    expect(errors).toEqual(['dual-write: corrupt services map']);
    expect(() => evaluateRules(result, () => undefined)).toThrow('corrupt services map');
  });
});
