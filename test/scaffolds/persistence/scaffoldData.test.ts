// The persistence scaffolds as data: ids and principles, parameter validation (hostile values rejected
// with a message naming the parameter), snippets that expand back to their files, and one relay core
// shared verbatim by every database × broker variant (which is what makes the Kafka variant trustworthy).
import { describe, expect, it } from 'vitest';
import { persistenceScaffolds } from '../../../src/core/scaffolds/persistence';
import { RELAY_CORE_PATH } from '../../../src/core/scaffolds/persistence/relayCoreSource';
import { defaultParams, expandSnippet, generateWith, hostileParameterFailures } from '../harness';

const byId = new Map(persistenceScaffolds.map((s) => [s.id, s]));

describe('persistence scaffolds (data)', () => {
  it('lists the five scaffolds with their principles', () => {
    expect(persistenceScaffolds.map((s) => [s.id, s.principle])).toEqual([
      ['outbox-table', 'outbox-pattern'],
      ['outbox-relay', 'outbox-pattern'],
      ['idempotent-consumer', 'outbox-pattern'],
      ['cqrs-level-1', 'cqrs-level-1-first'],
      ['event-sourced-aggregate', 'event-sourcing-specialized'],
    ]);
    expect(byId.get('outbox-table')?.variants.map((v) => v.id)).toEqual(['postgres', 'mysql', 'sqlite', 'prisma', 'drizzle']);
    expect(byId.get('outbox-relay')?.variants).toHaveLength(10);
  });

  it('every variant generates with its defaults; file paths are relative POSIX paths', () => {
    for (const scaffold of persistenceScaffolds) {
      for (const variant of scaffold.variants) {
        const output = scaffold.generate(variant.id, defaultParams(scaffold));
        expect(output.files.length, `${scaffold.id}/${variant.id}`).toBeGreaterThan(0);
        for (const file of output.files) {
          expect(file.path).toMatch(/^(?!\/)(?!.*\.\.)[A-Za-z0-9_./-]+$/);
          expect(file.content.length).toBeGreaterThan(100);
        }
        expect(output.notes.length).toBeGreaterThan(0);
      }
    }
  });

  it('rejects hostile parameter values, unknown parameters and unknown variants', () => {
    for (const scaffold of persistenceScaffolds) {
      expect(hostileParameterFailures(scaffold)).toEqual([]);
      const first = scaffold.variants[0]?.id ?? '';
      expect(() => scaffold.generate(first, { ...defaultParams(scaffold), bogus: 'x' })).toThrow(/bogus/);
      expect(() => scaffold.generate('nope', defaultParams(scaffold))).toThrow(/nope/);
    }
  });

  it('substitutes parameters everywhere (no default name left behind)', () => {
    const relay = generateWith(byId.get('outbox-relay')!, 'postgres-rabbitmq', { table: 'evt_out', destination: 'orders-x', notifyChannel: 'evt_wake' });
    const text = relay.files.map((f) => f.content).join('\n');
    expect(text).toContain("'evt_out'");
    expect(text).toContain("'orders-x'");
    expect(text).toContain('LISTEN evt_wake');
    expect(text).not.toMatch(/\boutbox_wakeup\b|FROM outbox\b|'outbox'/);
  });

  it('single-file variants carry snippets that expand back to the file, with tab stops', () => {
    let count = 0;
    for (const scaffold of persistenceScaffolds) {
      for (const variant of scaffold.variants) {
        const files = scaffold.generate(variant.id, defaultParams(scaffold)).files;
        if (files.length !== 1) continue;
        const file = files[0]!;
        expect(scaffold.snippetPrefix, scaffold.id).toMatch(/^ea-/);
        expect(file.snippet, `${scaffold.id}/${variant.id}`).toBeDefined();
        expect(file.snippet).toContain('${1:');
        expect(expandSnippet(file.snippet ?? '')).toBe(file.content);
        count += 1;
      }
    }
    expect(count).toBe(5);
  });

  it('every relay variant (Kafka included) ships the same relay core text, importing nothing', () => {
    const relay = byId.get('outbox-relay')!;
    const cores = new Set<string>();
    for (const variant of relay.variants) {
      const files = generateWith(relay, variant.id).files;
      const core = files.find((f) => f.path === RELAY_CORE_PATH);
      expect(core, variant.id).toBeDefined();
      cores.add(core?.content ?? '');
      // The adapters depend on the core's interfaces, never the reverse.
      for (const file of files.filter((f) => f.path !== RELAY_CORE_PATH && f.path.includes('Publisher'))) {
        expect(file.content).toContain("from './outboxRelay.js'");
        expect(file.content).toMatch(/: OutboxPublisher \{/);
      }
    }
    expect(cores.size).toBe(1);
    expect([...cores][0]).not.toMatch(/^import /m);
  });
});
