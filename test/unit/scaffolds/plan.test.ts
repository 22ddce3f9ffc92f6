import { describe, expect, it } from 'vitest';
import { containsGenerated, planFiles, rankVariants, validateParameter } from '../../../src/core/scaffolds/plan';
import type { Scaffold } from '../../../src/core/scaffolds/types';

const scaffold: Scaffold = {
  id: 'relay',
  title: 'Outbox relay',
  principle: 'outbox-pattern',
  description: 'Publishes outbox rows',
  parameters: [{ name: 'table', label: 'Table', default: 'outbox', pattern: /^[a-z_][a-z0-9_]*$/ }],
  variants: [
    { id: 'redis', label: 'Redis Streams', prefers: ['ioredis'], dependencies: ['ioredis'] },
    { id: 'nats', label: 'NATS JetStream', prefers: ['nats', '@nats-io/jetstream'], dependencies: ['nats'] },
    { id: 'kafka', label: 'Kafka', prefers: ['kafkajs'], dependencies: ['kafkajs'] },
  ],
  generate: () => ({ files: [], notes: [] }),
};

describe('scaffold planning', () => {
  it('ranks variants the workspace uses first, declared order otherwise', () => {
    expect(rankVariants(scaffold, new Set(['kafkajs', 'pg'])).map((r) => r.variant.id)).toEqual(['kafka', 'redis', 'nats']);
    expect(rankVariants(scaffold, new Set()).map((r) => r.variant.id)).toEqual(['redis', 'nats', 'kafka']);
    expect(rankVariants(scaffold, new Set(['nats']))[0]?.matched).toEqual(['nats']);
  });

  it('plans create / identical / conflict against existing files', () => {
    const files = [
      { path: 'a.sql', content: 'CREATE TABLE outbox (id int);\n', language: 'sql' as const },
      { path: 'b.ts', content: 'export const x = 1;\n', language: 'typescript' as const },
      { path: 'c.ts', content: 'export const y = 2;\n', language: 'typescript' as const },
    ];
    const disk: Record<string, string> = { 'a.sql': 'CREATE TABLE outbox  (id int);\r\n', 'b.ts': 'export const x = 2;\n' };
    expect(planFiles(files, (p) => disk[p]).map((p) => p.action)).toEqual(['identical', 'conflict', 'create']);
  });

  it('finds an already inserted block regardless of indentation', () => {
    const block = 'function a() {\n  return 1;\n}';
    expect(containsGenerated(`import x;\n\n    function a() {\n        return 1;\n    }\n`, block)).toBe(true);
    expect(containsGenerated('function a() {\n  return 2;\n}', block)).toBe(false);
    expect(containsGenerated('anything', '   ')).toBe(false);
  });

  it('rejects hostile parameter values', () => {
    const table = scaffold.parameters[0]!;
    expect(validateParameter(table, 'outbox_events')).toBeUndefined();
    expect(validateParameter(table, 'outbox; DROP TABLE users')).toMatch(/must match/);
    expect(validateParameter(table, '')).toMatch(/required/);
    expect(validateParameter(table, 'a'.repeat(300))).toMatch(/too long/);
  });
});
