import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCases } from '../../../scripts/accuracy/cases';

describe('loadCases', () => {
  let root: string;

  const writeCase = (id: string, files: Record<string, string>) => {
    for (const [file, text] of Object.entries(files)) {
      const full = path.join(root, id, file);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, text);
    }
  };

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'ea-accuracy-cases-'));
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('loads valid cases by family and reports every broken one with its reason', () => {
    const source = "import { publisher } from './redis';\n\nawait publisher.publish('chat', 'hi');\n";
    const label = (line: number) =>
      JSON.stringify({ description: 'd', detections: [{ file: 'src/chat.ts', line, kind: 'redis.publish', channel: 'chat' }] });
    writeCase('messaging/good', { 'src/chat.ts': source, 'expected.json': label(3) });
    writeCase('messaging/blank-line', { 'src/chat.ts': source, 'expected.json': label(2) });
    writeCase('messaging/unlabelled', { 'src/chat.ts': source });
    writeCase('realtime/bad-json', { 'expected.json': '{ "description": ' });

    const { cases, errors } = loadCases(root);
    expect(cases.map((c) => [c.id, c.family, c.expected.detections.length])).toEqual([['messaging/good', 'messaging', 1]]);
    expect(errors.map((e) => e.id)).toEqual(['messaging/blank-line', 'messaging/unlabelled', 'realtime/bad-json']);
    expect(errors[0]?.errors[0]).toMatch(/line is blank/);
    expect(errors[1]?.errors).toEqual(['expected.json is missing']);
    expect(errors[2]?.errors[0]).toMatch(/not valid JSON/);
  });

  it('reports a missing fixtures folder instead of throwing', () => {
    const { cases, errors } = loadCases(path.join(root, 'nope'));
    expect(cases).toEqual([]);
    expect(errors[0]?.errors).toEqual(['fixtures folder not found']);
  });
});
