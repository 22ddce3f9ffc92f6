// The realtime scaffolds as data: identities, principles, parameter validation against hostile input, and
// snippets that expand back to exactly the generated files.
import { describe, expect, it } from 'vitest';
import { PRINCIPLE_IDS } from '../../../src/core/principles/types';
import { realtimeScaffolds, ScaffoldInputError } from '../../../src/core/scaffolds/realtime/index';
import { defaultParams, expandSnippet, hostileParameterFailures } from '../harness/index';

describe('realtime scaffolds as data', () => {
  it('have unique ids, known principles, ea- snippet prefixes and the promised variants', () => {
    const ids = realtimeScaffolds.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const scaffold of realtimeScaffolds) {
      expect(PRINCIPLE_IDS).toContain(scaffold.principle);
      if (scaffold.snippetPrefix !== undefined) expect(scaffold.snippetPrefix).toMatch(/^ea-[a-z0-9-]+$/);
      expect(scaffold.variants.length).toBeGreaterThan(0);
      expect(new Set(scaffold.variants.map((v) => v.id)).size).toBe(scaffold.variants.length);
    }
    const variantsOf = (id: string): string[] => realtimeScaffolds.find((s) => s.id === id)?.variants.map((v) => v.id) ?? [];
    expect(variantsOf('sse-endpoint')).toEqual(['node-http', 'express', 'fastify', 'hono', 'nextjs', 'nestjs']);
    expect(variantsOf('sse-reverse-proxy')).toEqual(['nginx', 'caddy']);
    expect(variantsOf('socketio-redis-adapter')).toEqual(['redis-adapter', 'redis-streams-adapter']);
    expect(ids).toEqual(
      expect.arrayContaining(['sse-query-invalidation', 'ws-redis-fanout', 'optimistic-mutation', 'trpc-sse-subscription']),
    );
  });

  it('reject every hostile parameter value with a message naming the parameter', () => {
    const failures = realtimeScaffolds.flatMap((scaffold) => hostileParameterFailures(scaffold));
    expect(failures).toEqual([]);
  });

  it('reject unknown variants, unknown parameters and out-of-range numbers', () => {
    for (const scaffold of realtimeScaffolds) {
      expect(() => scaffold.generate('no-such-variant', defaultParams(scaffold))).toThrow(/no-such-variant/);
      const variant = scaffold.variants[0]!.id;
      expect(() => scaffold.generate(variant, { ...defaultParams(scaffold), injected: 'x' })).toThrow(ScaffoldInputError);
    }
    const sse = realtimeScaffolds.find((s) => s.id === 'sse-endpoint')!;
    expect(() => sse.generate('express', { heartbeatMs: '5' })).toThrow(/heartbeatMs/);
    const proxy = realtimeScaffolds.find((s) => s.id === 'sse-reverse-proxy')!;
    expect(() => proxy.generate('nginx', { upstream: '127.0.0.1:70000' })).toThrow(/upstream/);
    expect(() => proxy.generate('nginx', { upstream: 'backend:8080; include /etc/passwd' })).toThrow(/upstream/);
  });

  it('put parameter values only where the templates say, and never let one break out of its token', () => {
    const sse = realtimeScaffolds.find((s) => s.id === 'sse-endpoint')!;
    const content = sse.generate('node-http', { route: '/api/live', eventName: 'order.created' }).files[0]!.content;
    expect(content).toContain("path === '/api/live'");
    expect(content).toContain("event = 'order.created'");
  });

  it('offer snippets with tab stops that expand back to the generated text', () => {
    let snippets = 0;
    for (const scaffold of realtimeScaffolds) {
      for (const variant of scaffold.variants) {
        const output = scaffold.generate(variant.id, defaultParams(scaffold));
        expect(output.files.length).toBeGreaterThan(0);
        expect(output.notes.length).toBeGreaterThan(0);
        for (const file of output.files) {
          expect(file.snippet, `${scaffold.id}/${variant.id}/${file.path}`).toBeDefined();
          expect(expandSnippet(file.snippet!)).toBe(file.content);
          snippets += 1;
        }
        // Every parameter that appears in a file is a tab stop somewhere in the variant's snippets.
        const all = output.files.map((f) => f.snippet ?? '').join('\n');
        if (scaffold.snippetPrefix !== undefined) expect(all).toMatch(/\$\{1:[^}]+\}/);
      }
    }
    expect(snippets).toBeGreaterThanOrEqual(15);
  });
});
